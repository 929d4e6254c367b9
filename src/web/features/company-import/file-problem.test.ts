import { describe, expect, it } from 'vitest';
import type { ApiError, FieldError } from '../../../contracts/common';
import { ApiRequestError } from '../../components/api-client';
import { serverFileProblem } from './file-problem';

const refused = (code: ApiError['code'], fields: FieldError[]) =>
  new ApiRequestError(400, { code, message: 'Refused', details: { fields } });

describe('the server’s refusal of an import file', () => {
  it('names a reason the page words itself', () => {
    const error = refused('invalid_input', [{ field: 'contentBase64', code: 'too_many_rows', message: 'Too many' }]);
    expect(serverFileProblem(error)).toEqual({ code: 'too_many_rows' });
  });

  it('reads the file name’s error as the file’s too', () => {
    const error = refused('invalid_input', [{ field: 'fileName', code: 'empty', message: 'Empty' }]);
    expect(serverFileProblem(error)).toEqual({ code: 'empty' });
  });

  it('passes on the server’s message for a reason the page does not know', () => {
    const error = refused('invalid_input', [{ field: 'contentBase64', code: 'odd', message: 'Något annat' }]);
    expect(serverFileProblem(error)).toEqual({ message: 'Något annat' });
  });

  it('is no file problem when the error is about another field, another kind, or not the API’s', () => {
    expect(serverFileProblem(refused('invalid_input', [{ field: 'mapping', code: 'x', message: 'x' }]))).toBeNull();
    expect(
      serverFileProblem(refused('forbidden', [{ field: 'contentBase64', code: 'too_large', message: 'x' }])),
    ).toBeNull();
    expect(serverFileProblem(new Error('network'))).toBeNull();
    expect(serverFileProblem(null)).toBeNull();
  });
});

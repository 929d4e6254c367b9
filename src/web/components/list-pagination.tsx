import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

type ListPaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  /** The total is a floor: more rows match than were counted. */
  isTotalCapped?: boolean;
  onChange: (page: number) => void;
};

/** "Visar 1–25 av 120" and the page buttons, each named for screen readers. */
export function ListPagination({ page, pageSize, total, isTotalCapped = false, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dark.4" aria-live="polite">
        {t(isTotalCapped ? 'pagination.showingCapped' : 'pagination.showing', {
          from: formatNumber(from),
          to: formatNumber(to),
          total: formatNumber(total),
        })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            value={page}
            onChange={onChange}
            total={pages}
            siblings={1}
            getItemProps={(item) => ({
              'aria-label': t('pagination.page', { page: item }),
              'aria-current': item === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}

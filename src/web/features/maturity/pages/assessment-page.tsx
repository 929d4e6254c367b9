import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCheck, IconCloudCheck, IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { scoreAssessment, type Answer, type Level } from '../../../../core/maturity-scoring';
import type { Assessment, AssessmentAnswer } from '../../../../contracts/maturity';
import { isApiError } from '../../../components/api-client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate, formatIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { StatusPage } from '../../../components/status-page';
import { useAssessment, useSaveAnswer, useStartAssessment, useSubmitAssessment } from '../api';
import { useFormatScore, useLocalised } from '../components/localised';
import { QuestionField } from '../components/question-field';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** A measurement: answered with the company, saved as you go, scored live, submitted once. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const assessment = useAssessment(assessmentId);
  if (assessment.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isApiError(assessment.error, 'not_found') || isApiError(assessment.error, 'invalid_input')) {
    return (
      <StatusPage
        title={t('maturity.form.notFoundTitle')}
        text={t('maturity.form.notFoundText')}
        linkLabel={t('nav.overview')}
        linkTo="/"
      />
    );
  }
  if (assessment.error || !assessment.data) return <ErrorAlert error={assessment.error} />;
  return <AssessmentForm key={assessment.data.id + assessment.data.status} assessment={assessment.data} />;
}

function AssessmentForm({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localised = useLocalised();
  const formatScore = useFormatScore();
  const [answers, setAnswers] = useState<Record<string, AssessmentAnswer>>(() =>
    Object.fromEntries(assessment.answers.map((a) => [a.questionKey, a])),
  );
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [nextDueOn, setNextDueOn] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  const save = useSaveAnswer(assessment.id);
  const submit = useSubmitAssessment(assessment.id, assessment.companyId);
  const confirm = useStartAssessment(assessment.companyId);
  const isReadOnly = !assessment.abilities.canAnswer;
  const model = assessment.model.content;

  // The live score: the same core function the server scores with at submit.
  const result = useMemo(
    () =>
      scoreAssessment(
        model,
        Object.fromEntries(
          Object.values(answers).map((a): [string, Answer] => [
            a.questionKey,
            { level: a.level as Level | null, isNotApplicable: a.isNotApplicable },
          ]),
        ),
      ),
    [answers, model],
  );
  const done = Object.values(answers).filter((a) => a.level !== null || a.isNotApplicable).length;
  const stepName = model.steps.find((s) => s.step === result.step)?.name;

  const change = (questionKey: string, answer: Omit<AssessmentAnswer, 'questionKey'>) => {
    setAnswers((current) => ({ ...current, [questionKey]: { questionKey, ...answer } }));
    setSaveState('saving');
    save.mutate(
      { questionKey, level: answer.level, isNotApplicable: answer.isNotApplicable, comment: answer.comment },
      {
        onSuccess: () => {
          setSaveState('saved');
          setSaveError(null);
        },
        onError: (error) => {
          setSaveState('error');
          setSaveError(error);
        },
      },
    );
  };

  const numberOf = new Map(
    model.dimensions.flatMap((d) => d.questions).map((question, index) => [question.key, index + 1]),
  );
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${assessment.companyId}/maturity`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('maturity.backToResults')}
      </Anchor>
      <PageHeader
        title={t('maturity.form.title', { area: t(`areas.${assessment.area}`), name: assessment.companyName })}
        meta={
          <Group gap="xs" mt={4}>
            <Badge variant="light">{t(`maturity.kinds.${assessment.kind}`)}</Badge>
            <Badge variant="light" color={assessment.mode === 'self' ? 'grape' : 'blue'}>
              {t(`maturity.modes.${assessment.mode}`)}
            </Badge>
            <Badge variant="light" color={assessment.status === 'submitted' ? 'teal' : 'yellow'}>
              {t(`maturity.statuses.${assessment.status}`)}
            </Badge>
            <Text size="sm" c="dark.4">
              {t('maturity.form.modelVersion', { version: assessment.modelVersion })}
            </Text>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <Text c="dark.6" maw={760}>
              {localised(model.summary)}
            </Text>
            {model.dimensions.map((dimension) => {
              const score = result.dimensions.find((d) => d.key === dimension.key);
              const headingId = `dimension-${dimension.key}`;
              return (
                <Card key={dimension.key} withBorder padding="lg" component="section" aria-labelledby={headingId}>
                  <Group justify="space-between" align="flex-start" mb={4}>
                    <Title order={2} fz="h3" id={headingId}>
                      {localised(dimension.name)}
                    </Title>
                    <Text size="sm" c="dark.5" aria-live="polite">
                      {score?.score === null || !score
                        ? t('maturity.form.dimensionNotScored')
                        : t(score.isPartial ? 'maturity.form.dimensionPartial' : 'maturity.form.dimensionScore', {
                            score: formatScore(score.score),
                          })}
                    </Text>
                  </Group>
                  <Text size="sm" c="dark.4" mb="xs">
                    {localised(dimension.description)}
                  </Text>
                  {dimension.questions.map((question) => (
                    <QuestionField
                      key={question.key}
                      question={question}
                      number={numberOf.get(question.key) ?? 0}
                      answer={answers[question.key]}
                      isReadOnly={isReadOnly}
                      onChange={(answer) => change(question.key, answer)}
                    />
                  ))}
                </Card>
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Card
            withBorder
            padding="lg"
            component="aside"
            aria-label={t('maturity.form.summary')}
            style={{ position: 'sticky', top: 16 }}
          >
            <Stack gap="sm">
              <Text fw={700}>{t('maturity.form.progress', { done, total: result.total })}</Text>
              <Progress
                value={result.total ? (done / result.total) * 100 : 0}
                aria-label={t('maturity.form.progressLabel')}
              />
              <div aria-live="polite">
                <Text size="sm" c="dark.5">
                  {t('maturity.form.liveScore')}
                </Text>
                <Text fz={28} fw={700} c="brand.8">
                  {result.step ? t('maturity.form.step', { step: result.step }) : '–'}
                </Text>
                <Text size="sm">
                  {stepName ? localised(stepName) : t('maturity.form.noScoreYet')}
                  {result.score !== null ? ` · ${t('maturity.form.points', { score: formatScore(result.score) })}` : ''}
                </Text>
                {result.isPartial && result.score !== null ? (
                  <Text size="xs" c="orange.9">
                    {t('maturity.form.partial')}
                  </Text>
                ) : null}
              </div>
              {isReadOnly ? (
                <Group gap={6}>
                  <IconLock size={16} aria-hidden />
                  <Text size="sm">
                    {assessment.submittedAt
                      ? t('maturity.form.submittedOn', { date: formatDate(assessment.submittedAt) })
                      : t('maturity.form.readOnly')}
                  </Text>
                </Group>
              ) : (
                <Group gap={6} aria-live="polite" role="status">
                  {saveState === 'saved' ? <IconCloudCheck size={16} aria-hidden /> : null}
                  <Text size="sm" c={saveState === 'error' ? 'red.8' : 'dark.5'}>
                    {t(`maturity.form.save.${saveState}`)}
                  </Text>
                </Group>
              )}
              {saveError ? <ErrorAlert error={saveError} /> : null}
              {assessment.nextDueOn ? (
                <Text size="sm">{t('maturity.nextDue', { date: formatIsoDate(assessment.nextDueOn) })}</Text>
              ) : null}
              {assessment.abilities.canSubmit ? (
                <>
                  <TextInput
                    type="date"
                    label={t('maturity.form.nextDueOn')}
                    description={t('maturity.form.nextDueOnHelp')}
                    value={nextDueOn}
                    onChange={(event) => setNextDueOn(event.currentTarget.value)}
                  />
                  <Button
                    leftSection={<IconCheck size={16} aria-hidden />}
                    disabled={done < result.total}
                    onClick={() => setConfirming(true)}
                  >
                    {t('maturity.form.submit')}
                  </Button>
                  {done < result.total ? (
                    <Text size="xs" c="dark.4">
                      {t('maturity.form.submitHelp')}
                    </Text>
                  ) : null}
                  {submit.error ? <ErrorAlert error={submit.error} /> : null}
                </>
              ) : null}
              {assessment.abilities.canConfirm ? (
                <>
                  <Button
                    variant="light"
                    loading={confirm.isPending}
                    onClick={() =>
                      confirm.mutate(
                        { area: assessment.area, confirmsAssessmentId: assessment.id },
                        { onSuccess: (created) => void navigate(`/assessments/${created.id}`) },
                      )
                    }
                  >
                    {t('maturity.form.confirmSelf')}
                  </Button>
                  <Text size="xs" c="dark.4">
                    {t('maturity.form.confirmSelfHelp')}
                  </Text>
                  {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
                </>
              ) : null}
              {assessment.mode === 'self' && assessment.confirmedByAssessmentId ? (
                <Anchor component={Link} to={`/assessments/${assessment.confirmedByAssessmentId}`} size="sm">
                  {t('maturity.form.confirmedBy')}
                </Anchor>
              ) : null}
              {assessment.confirmsAssessmentId ? (
                <Anchor component={Link} to={`/assessments/${assessment.confirmsAssessmentId}`} size="sm">
                  {t('maturity.form.confirms')}
                </Anchor>
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={isConfirming}
        title={t('maturity.form.submitConfirmTitle')}
        text={t('maturity.form.submitConfirmText', { step: result.step ?? '–' })}
        confirmLabel={t('maturity.form.submit')}
        isPending={submit.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          submit.mutate(
            { version: assessment.version, nextDueOn: nextDueOn || null },
            {
              onSuccess: () => {
                setConfirming(false);
                void navigate(`/companies/${assessment.companyId}/maturity`);
              },
              onError: () => setConfirming(false),
            },
          )
        }
      />
    </>
  );
}

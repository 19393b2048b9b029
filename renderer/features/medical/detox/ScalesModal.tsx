import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_SCALE_IDS, scaleDefinitionSchema, scaleMax, type ScaleDefinition } from '../../../../shared/medical/scales';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { validationMessage } from '../../../i18n/messages';
import { useDefineScaleMutation, useDetoxScalesQuery } from './api';
import { pick, SEVERITY_COLORS } from './detoxForm';

function ScaleSummary({ scale }: { scale: ScaleDefinition }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="scale-summary" data-scale={scale.id}>
      <Group gap="xs">
        <Text fw={700}>{pick(scale.name, i18n.language)}</Text>
        <Badge variant="light" color={BUILT_IN_SCALE_IDS.includes(scale.id) ? 'gray' : 'teal'}>
          {BUILT_IN_SCALE_IDS.includes(scale.id) ? t('detox.scales.builtIn') : t('detox.scales.facility')}
        </Badge>
      </Group>
      <Text size="sm">{pick(scale.description, i18n.language)}</Text>
      <Text size="xs" c="dimmed">
        {t('detox.scales.items', { n: scale.items.length, max: scaleMax(scale) })}
      </Text>
      <Group gap={4} mt={4}>
        {scale.bands.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('detox.scales.noBands')}
          </Text>
        ) : (
          scale.bands.map((b) => (
            <Badge key={b.min} size="sm" variant="light" color={SEVERITY_COLORS[b.severity]}>
              {b.min}–{b.max ?? scaleMax(scale)}: {pick(b.label, i18n.language)}
            </Badge>
          ))
        )}
      </Group>
    </Paper>
  );
}

/** Issues of a definition as "where: what", in the user's language. */
function issueLines(t: Parameters<typeof validationMessage>[0], issues: readonly { path: string; code: string }[]): string[] {
  return issues.map((i) => `${i.path || '—'}: ${validationMessage(t, i.code)}`);
}

function DefineScaleForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [define, { isLoading, error }] = useDefineScaleMutation();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      setProblems([t('detox.scales.notJson')]);
      return;
    }
    // The same schema the core applies: the officer sees every problem before anything is sent.
    const parsed = scaleDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      setProblems(issueLines(t, parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.message }))));
      return;
    }
    setProblems([]);
    const result = await define({ definition: parsed.data });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('detox.scales.success', { name: pick(parsed.data.name, i18n.language) }));
      onDone();
    } else if ('error' in result) {
      const issues = toSenError(result.error)?.issues ?? [];
      setProblems(issueLines(t, issues));
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="define-scale-form">
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <Textarea
          label={t('detox.scales.definition')}
          description={t('detox.scales.definitionHint')}
          autosize
          minRows={8}
          maxRows={20}
          autoFocus
          data-autofocus
          styles={{ input: { fontFamily: 'monospace' } }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {problems.length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <FormActions submit={t('detox.scales.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

/** The scales in use (built-in and the facility's) and a way to add a facility form as data. */
export function ScalesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: scales } = useDetoxScalesQuery(undefined, { skip: !opened });
  const [adding, setAdding] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={() => {
        setAdding(false);
        onClose();
      }}
      title={t('detox.scales.title')}
      size="lg"
    >
      <Stack gap="sm">
        {adding ? (
          <DefineScaleForm onDone={() => setAdding(false)} />
        ) : (
          <>
            {scales?.map((s) => <ScaleSummary key={s.id} scale={s} />)}
            <Group justify="flex-end">
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('detox.scales.add')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

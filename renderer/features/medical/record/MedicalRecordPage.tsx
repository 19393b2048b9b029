import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicalRecordHeader } from '../../../../shared/access';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useStatusQuery } from '../../../api/api';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { useOpenMedicalRecordQuery } from '../../access/api';
import { label } from '../../trainees/format';
import { StatusBadge } from '../../trainees/TraineePage';
import { TraineeTimeline } from '../../trainees/TraineeTimeline';
import { ArvSection } from '../arv/ArvSection';
import { DetoxSection } from '../detox/DetoxSection';
import { FlagsSection } from '../flags/FlagsSection';
import { PrescriptionsSection } from '../prescriptions/PrescriptionsSection';
import { ScreeningSection } from '../screening/ScreeningSection';

/** The parts of the record, in the order of a trainee's care; Alt+1 … Alt+6 jump to each. */
const PARTS = ['screening', 'detox', 'prescriptions', 'arv', 'flags', 'timeline'] as const;
type Part = (typeof PARTS)[number];

function Item({ name, children, testId }: { name: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {name}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function Header({ h }: { h: MedicalRecordHeader }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="record-header">
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('access.record.title')} · {h.fileNumber}
          </Text>
          <Group gap="sm" align="center">
            <Title order={2} data-testid="record-name">
              {h.fullName}
            </Title>
            <StatusBadge status={h.status} />
          </Group>
        </div>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="xs">
          <Item name={t('fields.fileNumber')}>{h.fileNumber}</Item>
          <Item name={t('fields.sex')}>{label.sex(t, h.sex)}</Item>
          <Item name={t('fields.dateOfBirth')}>{formatDate(h.dateOfBirth)}</Item>
          <Item name={t('fields.phase')} testId="record-phase">
            {label.phase(t, h.phase)}
          </Item>
          <Item name={t('fields.admissionDate')}>{formatDate(h.admissionDate)}</Item>
          <Item name={h.releaseDate ? t('fields.releaseDate') : t('fields.plannedReleaseDate')}>{formatDate(h.releaseDate ?? h.plannedReleaseDate)}</Item>
          <Item name={t('access.record.entries')} testId="record-entries">
            {h.medicalEntries}
          </Item>
          <Item name={t('access.record.lastEntry')} testId="record-last-entry">
            {h.lastMedicalEntryAt ? formatDateTime(h.lastMedicalEntryAt) : t('access.record.none')}
          </Item>
        </SimpleGrid>
        <Text size="xs" c="dimmed" data-testid="record-logged">
          {t('access.record.logged')}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * A trainee's medical record, medical officers only. Opening it calls medical.openRecord once,
 * which writes the access to the log before anything medical is shown: the sections (each
 * slice's own component) render only after that call succeeded. One page, one tab per part.
 */
export function MedicalRecordPage({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data: header, error, isLoading } = useOpenMedicalRecordQuery({ traineeId }, { refetchOnMountOrArgChange: true });
  const user = useStatusQuery().data?.user ?? undefined;
  const [part, setPart] = useState<Part>('screening');
  useHotkeys(PARTS.map((p, i) => [`alt+${i + 1}`, () => setPart(p)]));

  return (
    <Stack gap="md">
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => dispatch(navigate({ name: 'trainee', traineeId }))}
        style={{ alignSelf: 'flex-start' }}
      >
        ← {t('access.record.backToTrainee')}
      </Anchor>
      {isLoading ? <Loader /> : null}
      <ErrorAlert error={error} />
      {header ? (
        <>
          <Header h={header} />
          <Tabs value={part} onChange={(v) => v && setPart(v as Part)} keepMounted={false}>
            <Tabs.List aria-label={t('access.record.sections')}>
              {PARTS.map((p, i) => (
                <Tabs.Tab key={p} value={p} title={`Alt+${i + 1}`}>
                  {t(`access.record.tabs.${p}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="screening" pt="md">
              <ScreeningSection traineeId={traineeId} />
            </Tabs.Panel>
            <Tabs.Panel value="detox" pt="md">
              <DetoxSection traineeId={traineeId} />
            </Tabs.Panel>
            <Tabs.Panel value="prescriptions" pt="md">
              <PrescriptionsSection traineeId={traineeId} />
            </Tabs.Panel>
            <Tabs.Panel value="arv" pt="md">
              <ArvSection traineeId={traineeId} />
            </Tabs.Panel>
            <Tabs.Panel value="flags" pt="md">
              <FlagsSection traineeId={traineeId} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <TraineeTimeline traineeId={traineeId} user={user} />
            </Tabs.Panel>
          </Tabs>
          <Text size="xs" c="dimmed">
            {t('access.record.keys')}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

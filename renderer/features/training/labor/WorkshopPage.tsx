import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate, todayIso } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import { foldForSearch } from '../../../../shared/text';
import type { LaborCandidate, WorkshopSummary } from '../../../../shared/training/labor';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { useAssignTraineeMutation, useCloseWorkshopMutation, useLaborCandidatesQuery, useUnassignTraineeMutation, useWorkshopQuery, useWorkshopsQuery } from './api';
import { DateField, IssueLines, useIssueOn } from './fields';
import { WorkshopForm } from './WorkshopForm';
import { WorkshopHeader } from './WorkshopHeader';

/** One workshop: its details (change, close) and roster (assign, unassign). */
export function WorkshopPage({ user, workshopId, onBack }: { user: SessionUser; workshopId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { data: w, error } = useWorkshopQuery({ workshopId });
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  // The core decides; the buttons only show for those it would let through.
  const runs = w !== undefined && w.closedOn === null && (user.roles.includes('admin') || w.instructorId === user.id);
  const assigns = runs && isAllowed('labor.write', user.roles);

  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={onBack} data-testid="workshop-back">
          ← {t('labor.back')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {w ? (
        <>
          <Card withBorder>
            <Group justify="space-between" align="flex-start">
              <WorkshopHeader w={w} />
              {runs && isAllowed('labor.manage', user.roles) ? (
                <Group>
                  <Button variant="light" onClick={() => setEditing(true)} data-testid="workshop-change">
                    {t('labor.form.change')}
                  </Button>
                  <Button variant="light" color="red" onClick={() => setClosing(true)} data-testid="workshop-close">
                    {t('labor.close.button')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Card>
          {assigns ? <AssignPanel w={w} /> : null}
          <RosterTable w={w} canUnassign={assigns} />
          {editing ? <WorkshopForm user={user} workshop={w} onClose={() => setEditing(false)} /> : null}
          {closing ? <CloseModal w={w} onClose={() => setClosing(false)} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function RosterTable({ w, canUnassign }: { w: WorkshopSummary; canUnassign: boolean }) {
  const { t } = useTranslation();
  const [unassign, unassigning] = useUnassignTraineeMutation();
  const remove = async (traineeId: string) => {
    const r = await unassign({ traineeId, date: todayIso(), note: '' });
    if ('data' in r && r.data) notifySuccess((tt) => tt('labor.assign.unassigned'));
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('labor.roster', { count: w.roster.length })}</Text>
      <ErrorAlert error={unassigning.error} />
      {w.roster.length === 0 ? (
        <Text c="dimmed">{t('labor.emptyRoster')}</Text>
      ) : (
        <Table data-testid="workshop-roster">
          <Table.Tbody>
            {w.roster.map((m) => (
              <Table.Tr key={m.traineeId} data-testid="roster-row">
                <Table.Td w={130} style={{ whiteSpace: 'nowrap' }}>
                  {m.fileNumber}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{m.fullName}</Text>
                    {m.noSharpTools ? <RestrictedBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed">{t('labor.since', { date: formatDate(m.since) })}</Table.Td>
                <Table.Td w={160}>
                  {canUnassign ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => void remove(m.traineeId)} data-testid="roster-unassign">
                      {t('labor.assign.unassign')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function RestrictedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline" size="sm" data-testid="no-sharp-tools">
      {t('labor.noSharpTools')}
    </Badge>
  );
}

/** Diacritics-blind: "nguyen van binh" finds "Nguyễn Văn Bình". */
const foldedFilter: OptionsFilter = ({ options, search }) => {
  const term = foldForSearch(search);
  return options.filter((o) => 'label' in o && foldForSearch((o as ComboboxItem).label).includes(term));
};

/** The trainee picker: everyone in care not in this workshop, labor-phase trainees first; restricted ones cannot be picked for a blade workshop. */
function AssignPanel({ w }: { w: WorkshopSummary }) {
  const { t } = useTranslation();
  const { data: candidates = [] } = useLaborCandidatesQuery({});
  const { data: workshops = [] } = useWorkshopsQuery({});
  const [traineeId, setTraineeId] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [assign, assigning] = useAssignTraineeMutation();
  const issueOn = useIssueOn(assigning.error);
  const names = new Map(workshops.map((x) => [x.workshopId, x.name]));
  const blocked = (c: LaborCandidate) => w.usesBlades && c.noSharpTools;
  const options = candidates
    .filter((c) => c.workshopId !== w.workshopId)
    .sort((a, b) => Number(b.phase === 'labor' && !b.workshopId) - Number(a.phase === 'labor' && !a.workshopId))
    .map((c) => {
      const notes = [t(`enums.phase.${c.phase}`), c.workshopId ? t('labor.assign.inWorkshop', { name: names.get(c.workshopId) ?? '' }) : '', c.noSharpTools ? t('labor.assign.restricted') : ''];
      return { value: c.traineeId, label: `${c.fileNumber} – ${c.fullName} (${notes.filter(Boolean).join(', ')})`, disabled: blocked(c) };
    });

  const submit = async () => {
    if (!traineeId) return;
    const r = await assign({ workshopId: w.workshopId, traineeId, date });
    if ('data' in r && r.data) {
      const moved = r.data.moved;
      notifySuccess((tt) => tt(moved ? 'labor.assign.moved' : 'labor.assign.done'));
      setTraineeId(null);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('labor.assign.title')}</Text>
        <Group align="flex-end">
          <Select
            label={t('labor.assign.trainee')}
            placeholder={t('labor.assign.search')}
            searchable
            clearable
            w={520}
            data={options}
            filter={foldedFilter}
            limit={50}
            value={traineeId}
            onChange={setTraineeId}
            nothingFoundMessage={t('labor.assign.nothing')}
            error={issueOn('traineeId')}
            data-testid="assign-trainee"
          />
          <DateField label={t('labor.assign.date')} value={date} onChange={setDate} testId="assign-date" />
          <Button onClick={() => void submit()} disabled={!traineeId} loading={assigning.isLoading} data-testid="assign-submit">
            {t('labor.assign.submit')}
          </Button>
        </Group>
        <IssueLines lines={[issueOn('date') ?? ''].filter(Boolean)} testId="assign-issue" />
        {issueOn('traineeId') || issueOn('date') ? null : <ErrorAlert error={assigning.error} testId="assign-error" />}
      </Stack>
    </Card>
  );
}

function CloseModal({ w, onClose }: { w: WorkshopSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [close, closing] = useCloseWorkshopMutation();
  const issueOn = useIssueOn(closing.error);
  const submit = async () => {
    const r = await close({ workshopId: w.workshopId, date });
    if ('data' in r && r.data) {
      notifySuccess((tt) => tt('labor.close.done'));
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('labor.close.title', { name: w.name })}>
      <Stack gap="sm">
        <DateField label={t('labor.close.date')} value={date} onChange={setDate} testId="close-date" />
        {w.roster.length > 0 ? <Text size="sm">{t('labor.close.members', { count: w.roster.length })}</Text> : null}
        <IssueLines lines={[issueOn('date') ?? ''].filter(Boolean)} testId="close-issue" />
        {issueOn('date') ? null : <ErrorAlert error={closing.error} />}
        <Group justify="flex-end">
          <Button color="red" onClick={() => void submit()} loading={closing.isLoading} data-testid="close-confirm">
            {t('labor.close.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import type { ClassSummary } from '../../../../shared/training/classes';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { useClassListQuery } from './api';
import { ClassPage } from './ClassPage';
import { classesFor, rateLabel, scheduleLabel } from './labels';
import { OpenClassForm } from './OpenClassForm';

/** The teacher's first screen: my classes (the admin sees all), or one class when chosen. */
export function ClassesScreen({ user, classId }: { user: SessionUser; classId?: string | undefined }) {
  return classId ? <ClassPage classId={classId} user={user} /> : <ClassList user={user} />;
}

function TodayStatus({ c }: { c: ClassSummary }) {
  const { t } = useTranslation();
  if (!c.scheduledToday) return <Text size="sm" c="dimmed">{t('classes.noSessionToday')}</Text>;
  return (
    <Badge color={c.takenToday ? 'green' : 'orange'} variant="light" data-testid="class-today">
      {c.takenToday ? t('classes.taken') : t('classes.notTaken')}
    </Badge>
  );
}

function ClassList({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [opening, setOpening] = useState(false);
  const filter = classesFor(user);
  const { data, error } = useClassListQuery({ ...filter, includeClosed });
  const mayWrite = isAllowed('literacy.write', user.roles);
  const show = (classId: string) => dispatch(navigate({ name: 'literacy', tab: 'classes', classId }));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="md">
          <Text fw={600}>{filter.teacherId ? t('classes.myClasses') : t('classes.allClasses')}</Text>
          <Checkbox label={t('classes.showClosed')} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} />
        </Group>
        {isAllowed('literacy.manage', user.roles) ? (
          <Button onClick={() => setOpening(true)} data-testid="open-class">
            {t('classes.openClass')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {data && data.length === 0 ? <Text c="dimmed">{t('classes.noClasses')}</Text> : null}
      {data && data.length > 0 ? (
        <Table highlightOnHover data-testid="class-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('classes.name')}</Table.Th>
              <Table.Th>{t('classes.phase')}</Table.Th>
              {filter.teacherId ? null : <Table.Th>{t('classes.teacher')}</Table.Th>}
              <Table.Th>{t('classes.schedule')}</Table.Th>
              <Table.Th>{t('classes.enrolled')}</Table.Th>
              <Table.Th>{t('classes.nextSession')}</Table.Th>
              <Table.Th>{t('classes.todaySheet')}</Table.Th>
              <Table.Th>{t('classes.attendanceRate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((c) => (
              <Table.Tr key={c.classId} data-testid="class-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.name}
                  </Text>
                  {c.room ? (
                    <Text size="xs" c="dimmed">
                      {c.room}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`classes.phases.${c.phase}`)}</Table.Td>
                {filter.teacherId ? null : <Table.Td>{c.teacherName}</Table.Td>}
                <Table.Td>{scheduleLabel(t, c)}</Table.Td>
                <Table.Td data-testid="class-enrolled">{c.enrolled}</Table.Td>
                <Table.Td>{c.closedDate ? `${t('classes.closedDate')} ${formatDate(c.closedDate)}` : c.nextSession ? formatDate(c.nextSession) : '—'}</Table.Td>
                <Table.Td>{c.closedDate ? null : <TodayStatus c={c} />}</Table.Td>
                <Table.Td>{rateLabel(t, c.attendanceRate)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {c.scheduledToday && mayWrite ? (
                      <Button size="xs" onClick={() => dispatch(navigate({ name: 'literacy', tab: 'attendance', classId: c.classId }))} data-testid="class-row-sheet">
                        {t('classes.toSheet')}
                      </Button>
                    ) : null}
                    <Button size="xs" variant="default" onClick={() => show(c.classId)} data-testid="class-row-open">
                      {t('classes.open')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={opening} onClose={() => setOpening(false)} title={t('classes.openClass')} size="lg">
        {opening ? (
          <OpenClassForm
            user={user}
            onDone={(classId) => {
              setOpening(false);
              if (classId) show(classId);
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

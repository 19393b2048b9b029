import { Button, Card, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { isAllowed } from '../../../../shared/roles';
import type { WorkshopSummary } from '../../../../shared/training/labor';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { useWorkshopsQuery } from './api';
import { WorkshopHeader } from './WorkshopHeader';
import { WorkshopForm } from './WorkshopForm';
import { WorkshopPage } from './WorkshopPage';

/**
 * The instructor's first screen: my workshops (the admin sees all), each with its roster, today's
 * sheet and the output this week and month. A workshop opens its page (assignments).
 */
export function WorkshopsScreen({ user, workshopId }: { user: SessionUser; workshopId?: string }) {
  const dispatch = useAppDispatch();
  const go = (id?: string) => dispatch(navigate({ name: 'labor', tab: 'workshops', ...(id ? { workshopId: id } : {}) }));
  if (workshopId) return <WorkshopPage user={user} workshopId={workshopId} onBack={() => go()} />;
  return <WorkshopList user={user} onOpen={go} />;
}

function WorkshopList({ user, onOpen }: { user: SessionUser; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const isInstructor = user.roles.includes('instructor');
  const [mine, setMine] = useState(isInstructor);
  const [showClosed, setShowClosed] = useState(false);
  const [opening, setOpening] = useState(false);
  const { data, error } = useWorkshopsQuery({ includeClosed: showClosed });
  const shown = (data ?? []).filter((w) => !mine || w.instructorId === user.id);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group>
          {isInstructor ? <Switch label={t('labor.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} data-testid="workshops-mine" /> : null}
          <Switch label={t('labor.showClosed')} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
        </Group>
        {isAllowed('labor.manage', user.roles) ? (
          <Button onClick={() => setOpening(true)} data-testid="workshop-open">
            {t('labor.open')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {data && shown.length === 0 ? <Text c="dimmed">{t('labor.noWorkshops')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {shown.map((w) => (
          <WorkshopCard key={w.workshopId} w={w} onOpen={() => onOpen(w.workshopId)} />
        ))}
      </SimpleGrid>
      {opening ? (
        <WorkshopForm
          user={user}
          onClose={(id) => {
            setOpening(false);
            if (id) onOpen(id);
          }}
        />
      ) : null}
    </Stack>
  );
}

function WorkshopCard({ w, onOpen }: { w: WorkshopSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  return (
    <Card withBorder data-testid="workshop-card">
      <Stack gap="sm">
        <WorkshopHeader w={w} />
        <Text size="sm" fw={600}>
          {t('labor.roster', { count: w.roster.length })}
        </Text>
        <Text size="sm" lineClamp={3}>
          {w.roster.length === 0 ? t('labor.emptyRoster') : w.roster.map((m) => m.fullName).join(', ')}
        </Text>
        <Group>
          <Button variant="light" onClick={onOpen} data-testid="workshop-details">
            {t('labor.details')}
          </Button>
          {w.closedOn === null && w.roster.length > 0 ? (
            <Button variant="subtle" onClick={() => dispatch(navigate({ name: 'labor', tab: 'sheet', workshopId: w.workshopId }))} data-testid="workshop-sheet">
              {t('labor.todaySheet')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

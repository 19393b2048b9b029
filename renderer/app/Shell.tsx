import { AppShell, Badge, Button, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../shared/accounts';
import type { IntegrityStatus } from '../../shared/api';
import { IntegrityBanner } from '../features/system/IntegrityBanner';
import { isAllowed } from '../../shared/roles';
import { api, useLockMutation, useSignOutMutation } from '../api/api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { notifyError } from '../components/feedback';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { MyAccountPage } from '../features/accounts/MyAccountPage';
import { AdmitPage } from '../features/trainees/AdmitPage';
import { RosterImportPage } from '../features/roster/RosterImportPage';
import { RosterPage } from '../features/roster/RosterPage';
import { SystemPage } from '../features/system/SystemPage';
import { TraineePage } from '../features/trainees/TraineePage';
import { MedicalPage } from '../features/medical/MedicalPage';
import { DutyPage } from '../features/duty/DutyPage';
import { LaborPage } from '../features/training/LaborPage';
import { LiteracyPage } from '../features/training/LiteracyPage';
import { CertificatePage } from '../features/training/literacy/CertificatePage';
import { ReintegrationPage } from '../features/training/ReintegrationPage';
import { MedicalRecordPage } from '../features/medical/record/MedicalRecordPage';
import { AccessLogPage } from '../features/access/AccessLogPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { PrintView } from '../features/reports/print/PrintView';
import { label } from '../features/trainees/format';
import { navigate, type Route } from './navigation';
import { useIdleLock } from './useIdleLock';
import { useAppDispatch, useAppSelector } from './store';

function NavButton({ route, current, children }: { route: Route; current: Route; children: string }) {
  const dispatch = useAppDispatch();
  const active =
    route.name === current.name ||
    (route.name === 'roster' && (current.name === 'trainee' || current.name === 'admit' || current.name === 'importRoster')) ||
    (route.name === 'medical' && current.name === 'medicalRecord') ||
    (route.name === 'literacy' && current.name === 'literacyCertificate') ||
    (route.name === 'accounts' && current.name === 'accessLog');
  return (
    <Button variant={active ? 'light' : 'subtle'} size="sm" px={8} aria-current={active ? 'page' : undefined} onClick={() => dispatch(navigate(route))}>
      {children}
    </Button>
  );
}

function Screen({ route, user }: { route: Route; user: SessionUser }) {
  switch (route.name) {
    case 'roster':
      return <RosterPage user={user} />;
    case 'admit':
      return isAllowed('trainee.intake', user.roles) ? <AdmitPage /> : <RosterPage user={user} />;
    case 'importRoster':
      return isAllowed('trainee.import', user.roles) ? <RosterImportPage /> : <RosterPage user={user} />;
    case 'trainee':
      return <TraineePage key={route.traineeId} traineeId={route.traineeId} user={user} />;
    case 'system':
      return isAllowed('system.admin', user.roles) ? <SystemPage /> : <RosterPage user={user} />;
    case 'accounts':
      return isAllowed('accounts.manage', user.roles) ? <AccountsPage user={user} /> : <RosterPage user={user} />;
    case 'account':
      return <MyAccountPage user={user} />;
    case 'medical':
      return isAllowed('medical.read', user.roles) ? <MedicalPage tab={route.tab} /> : <RosterPage user={user} />;
    case 'medicalRecord':
      return isAllowed('medical.read', user.roles) ? <MedicalRecordPage key={route.traineeId} traineeId={route.traineeId} /> : <RosterPage user={user} />;
    case 'duty':
      return isAllowed('duty.read', user.roles) ? <DutyPage tab={route.tab} user={user} /> : <RosterPage user={user} />;
    case 'literacy':
      return isAllowed('literacy.read', user.roles) ? <LiteracyPage tab={route.tab} classId={route.classId} user={user} /> : <RosterPage user={user} />;
    case 'literacyCertificate':
      return isAllowed('literacy.read', user.roles) ? <CertificatePage traineeId={route.traineeId} level={route.level} /> : <RosterPage user={user} />;
    case 'labor':
      return isAllowed('labor.read', user.roles) ? <LaborPage tab={route.tab} user={user} workshopId={route.workshopId} /> : <RosterPage user={user} />;
    case 'reintegration':
      return isAllowed('reintegration.read', user.roles) ? <ReintegrationPage user={user} /> : <RosterPage user={user} />;
    case 'accessLog':
      return isAllowed('access.read', user.roles) ? <AccessLogPage /> : <RosterPage user={user} />;
    case 'reports':
      return isAllowed('reports.read', user.roles) ? <ReportsPage month={route.month} /> : <RosterPage user={user} />;
    case 'print':
      // Shown without the app frame (see Shell); never reached here.
      return null;
  }
}

/** The signed-in frame: header with facility, user, language, navigation, sign-out. */
export function Shell({
  user,
  facilityName,
  integrity,
  idleLockMinutes,
}: {
  user: SessionUser;
  facilityName: string | null;
  integrity: IntegrityStatus | null;
  idleLockMinutes: number;
}) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const route = useAppSelector((s) => s.navigation.route);
  const [signOut, { isLoading }] = useSignOutMutation();
  const [lock, locking] = useLockMutation();
  // Left alone, the screen locks: the core refuses this session until the password is typed again.
  useIdleLock(idleLockMinutes, () => void lock());

  const onSignOut = async () => {
    const result = await signOut();
    if ('error' in result) {
      notifyError(result.error);
      return;
    }
    dispatch(navigate({ name: 'roster' }));
    // Forget everything the previous user could see.
    dispatch(api.util.resetApiState());
  };

  // A printable page stands alone: what is on screen is what goes on paper.
  if (route.name === 'print') return <PrintView key={JSON.stringify(route.target)} target={route.target} back={route.back} facilityName={facilityName ?? ''} />;

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          {/* With many areas the facility's name gives way (cut with "…", whole in its tooltip): the menu, the person, language and sign-out stay in view. */}
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <div style={{ minWidth: 0 }}>
              <Title order={4} lh={1.1} data-testid="header-facility" title={facilityName ?? undefined} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {facilityName ?? t('app.name')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('app.name')}
              </Text>
            </div>
            <Group gap={4} component="nav" aria-label={t('header.mainNav')} wrap="nowrap" style={{ flexShrink: 0 }}>
              <NavButton route={{ name: 'roster' }} current={route}>
                {t('nav.roster')}
              </NavButton>
              {isAllowed('duty.read', user.roles) ? (
                <NavButton route={{ name: 'duty', tab: 'board' }} current={route}>
                  {t('nav.duty')}
                </NavButton>
              ) : null}
              {isAllowed('literacy.read', user.roles) ? (
                <NavButton route={{ name: 'literacy', tab: 'classes' }} current={route}>
                  {t('nav.literacy')}
                </NavButton>
              ) : null}
              {isAllowed('labor.read', user.roles) ? (
                <NavButton route={{ name: 'labor', tab: 'workshops' }} current={route}>
                  {t('nav.labor')}
                </NavButton>
              ) : null}
              {isAllowed('reintegration.read', user.roles) ? (
                <NavButton route={{ name: 'reintegration' }} current={route}>
                  {t('nav.reintegration')}
                </NavButton>
              ) : null}
              {isAllowed('medical.read', user.roles) ? (
                <NavButton route={{ name: 'medical', tab: 'dashboard' }} current={route}>
                  {t('nav.medical')}
                </NavButton>
              ) : null}
              {isAllowed('reports.read', user.roles) ? (
                <NavButton route={{ name: 'reports' }} current={route}>
                  {t('nav.reports')}
                </NavButton>
              ) : null}
              {isAllowed('system.admin', user.roles) ? (
                <NavButton route={{ name: 'system' }} current={route}>
                  {t('nav.system')}
                </NavButton>
              ) : null}
              {isAllowed('accounts.manage', user.roles) ? (
                <NavButton route={{ name: 'accounts' }} current={route}>
                  {t('nav.accounts')}
                </NavButton>
              ) : null}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {/* The signed-in person's name opens "My account": one control fewer in a crowded header. */}
            <UnstyledButton
              aria-label={t('header.myAccount')}
              title={t('header.myAccount')}
              aria-current={route.name === 'account' ? 'page' : undefined}
              onClick={() => dispatch(navigate({ name: 'account' }))}
              style={{ textAlign: 'right' }}
              px="xs"
              py={2}
            >
              <Text size="sm" fw={600} data-testid="header-user" td={route.name === 'account' ? 'underline' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {user.fullName}
              </Text>
              {/* One role badge and "+N" for the others (all of them in the tooltip): a person with every role still fits. */}
              <Group gap={4} justify="flex-end" wrap="nowrap" title={user.roles.map((r) => label.role(t, r)).join(', ')}>
                <Badge size="xs" variant="outline" data-testid="header-role">
                  {label.role(t, user.roles[0])}
                </Badge>
                {user.roles.length > 1 ? (
                  <Badge size="xs" variant="outline" data-testid="header-more-roles">
                    +{user.roles.length - 1}
                  </Badge>
                ) : null}
              </Group>
            </UnstyledButton>
            <LanguageSwitch />
            <Button variant="subtle" size="sm" px="xs" onClick={() => void lock()} loading={locking.isLoading}>
              {t('header.lock')}
            </Button>
            <Button variant="default" size="sm" onClick={() => void onSignOut()} loading={isLoading}>
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <IntegrityBanner integrity={integrity} user={user} />
        <Screen route={route} user={user} />
      </AppShell.Main>
    </AppShell>
  );
}

import type { SessionUser } from '../../../../shared/accounts';
import type { WorkshopSummary } from '../../../../shared/training/labor';
import { navigate, type LaborTab } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { useWorkshopsQuery } from './api';

/**
 * The workshop a sheet or totals screen shows: the one in the route, else the caller's first
 * (the list puts one's own first). Choosing another keeps the tab and puts it in the route.
 */
export function useChosenWorkshop(user: SessionUser, workshopId: string | undefined, tab: LaborTab): { workshops: WorkshopSummary[] | undefined; chosen: WorkshopSummary | undefined; choose: (id: string) => void } {
  const dispatch = useAppDispatch();
  const { data: workshops } = useWorkshopsQuery({});
  const chosen = workshops?.find((w) => w.workshopId === workshopId) ?? workshops?.find((w) => w.instructorId === user.id) ?? workshops?.[0];
  return { workshops, chosen, choose: (id) => dispatch(navigate({ name: 'labor', tab, workshopId: id })) };
}

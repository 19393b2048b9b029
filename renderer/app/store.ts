import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { useDispatch, useSelector } from 'react-redux';
import type { Area, SenBridge } from '../../shared/api';
import { api } from '../api/api';
import { navigation } from './navigation';

const rootReducer = combineReducers({
  [api.reducerPath]: api.reducer,
  navigation: navigation.reducer,
});

export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloaded?: Partial<RootState>) {
  const store = configureStore({
    reducer: rootReducer,
    preloadedState: preloaded,
    middleware: (getDefault) => getDefault().concat(api.middleware),
  });
  setupListeners(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();

/** Refetch what the core says changed. Call once per store; returns the unsubscribe function. */
export function connectBridge(store: AppStore, bridge: SenBridge): () => void {
  return bridge.subscribe((areas: Area[]) => {
    store.dispatch(api.util.invalidateTags(areas));
  });
}

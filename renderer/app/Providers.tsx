import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import { i18next } from '../i18n';
import type { AppStore } from './store';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  // System fonts only: the app is offline and loads nothing remote.
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});

export function Providers({ store, children, env }: { store: AppStore; children: ReactNode; env?: 'default' | 'test' }) {
  return (
    <Provider store={store}>
      <I18nextProvider i18n={i18next}>
        <MantineProvider theme={theme} env={env ?? 'default'}>
          <Notifications position="bottom-right" limit={4} autoClose={5000} />
          {children}
        </MantineProvider>
      </I18nextProvider>
    </Provider>
  );
}

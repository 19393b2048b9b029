import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Providers } from './app/Providers';
import { connectBridge, makeStore } from './app/store';
import { initI18n } from './i18n';

initI18n();
const store = makeStore();
connectBridge(store, window.sen);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Providers store={store}>
      <App />
    </Providers>
  </StrictMode>,
);

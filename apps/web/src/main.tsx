import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/global.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App, sessionAsked } from './App';
import { i18nReady } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The code of the page opened and the session's question are already on their way (App.tsx).
// The first render waits for the catalogue, and for the session's answer if it comes within
// SESSION_WAIT_MS: the page is then drawn once, not first as the frame's wait and again as
// itself. A slower answer is waited for inside the frame, which stays usable.
const SESSION_WAIT_MS = 300;
await i18nReady;
await Promise.race([sessionAsked, new Promise((resolve) => setTimeout(resolve, SESSION_WAIT_MS))]);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

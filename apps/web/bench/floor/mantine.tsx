// React DOM and Mantine's provider with four components, for the web's floor (scripts/web-floor.js).
import { AppShell, Button, MantineProvider, Text, Title } from '@mantine/core';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <MantineProvider>
    <AppShell>
      <Title>مئة</Title>
      <Text>مئة</Text>
      <Button>مئة</Button>
    </AppShell>
  </MantineProvider>,
);

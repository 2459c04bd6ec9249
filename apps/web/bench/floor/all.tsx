// The smallest application on the web's stack: React DOM, Mantine's provider and a few of the
// components every shell has, Apollo Client with one query, React Router with one route, i18next
// with one key. Its built size is the floor under every route's initial JavaScript
// (scripts/web-floor.js; docs/benchmarks.md, "Web performance budget").
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { AppShell, Button, MantineProvider, Text, Title } from '@mantine/core';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';

await i18next.use(initReactI18next).init({ lng: 'ar', resources: { ar: { translation: { app: { name: 'مئة' } } } } });

const client = new ApolloClient({ link: new HttpLink({ uri: '/graphql' }), cache: new InMemoryCache() });
const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

function Home() {
  const { t } = useTranslation();
  const { data } = useQuery<{ me: { id: string } | null }>(ME);
  return (
    <AppShell header={{ height: 56 }}>
      <AppShell.Header>
        <Link to="/">{t('app.name')}</Link>
      </AppShell.Header>
      <AppShell.Main>
        <Title order={1}>{t('app.name')}</Title>
        <Text>{data?.me?.id}</Text>
        <Button>{t('app.name')}</Button>
      </AppShell.Main>
    </AppShell>
  );
}

const router = createBrowserRouter([{ path: '/', element: <Home /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);

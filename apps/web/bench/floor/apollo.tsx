// React DOM and Apollo Client with one query, for the web's floor (scripts/web-floor.js).
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { createRoot } from 'react-dom/client';

const client = new ApolloClient({ link: new HttpLink({ uri: '/graphql' }), cache: new InMemoryCache() });
const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

function Me() {
  const { data } = useQuery<{ me: { id: string } | null }>(ME);
  return <h1>{data?.me?.id}</h1>;
}

createRoot(document.getElementById('root')!).render(
  <ApolloProvider client={client}>
    <Me />
  </ApolloProvider>,
);

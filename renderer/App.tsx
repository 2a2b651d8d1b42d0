import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiCallError } from './api/ApiCallError.ts';
import { LocalizedApp } from './LocalizedApp.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Validation and not-found answers will not change on retry; only transport trouble is worth one.
      retry: (count, error) => count < 1 && (!(error instanceof ApiCallError) || error.code === 'INTERNAL'),
      // The app is told about changes through 'data:changed'; refetching on focus would only add noise.
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedApp />
    </QueryClientProvider>
  );
}

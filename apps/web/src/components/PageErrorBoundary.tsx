import { Component, type ErrorInfo, type ReactNode } from 'react';

import { LoadError } from './PageState';

interface Props {
  /** The page shown: another page starts without the error. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  resetKey: string;
}

/**
 * A page that fails while it draws (its code could not be loaded over a failing network, or it
 * met data it did not expect) says so inside the content area with a retry, and the shell around
 * it, navigation, language and sign-out, goes on working.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The page failed to draw', error, info.componentStack);
  }

  private readonly retry = () => {
    // Code that could not be fetched is fetched again only by loading the page anew.
    if (this.state.error instanceof TypeError && /import|module/i.test(this.state.error.message)) {
      window.location.reload();
      return;
    }
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error) return <LoadError error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}

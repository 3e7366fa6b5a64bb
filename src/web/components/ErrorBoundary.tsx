import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** Catches render errors and failed code-split chunks, so one broken page never blanks the app. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Commissioner page error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="error-panel" role="alert">
          <h2 className="error-panel__title">Something went wrong showing this page</h2>
          <p>{this.state.error.message}</p>
          <p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}

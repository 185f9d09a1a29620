import { Agent, type Dispatcher } from 'undici';

/**
 * A real connection pool whose requests to one project, after its first page (those carry
 * a `marker`), ask the emulator for a fault with its `X-Emulator-Fault` header: that
 * project fails mid-walk, over real sockets, while the others are untouched.
 */
export function failingMidWalk(projectId: string, status = 500): { agent: Agent; dispatcher: Dispatcher } {
  const agent = new Agent({ connections: 16 });
  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const path = String(opts.path);
    if (path.includes(`/v1/${projectId}/`) && path.includes('marker=')) {
      const headers = { ...(opts.headers as Record<string, string>), 'X-Emulator-Fault': `status=${status}` };
      return dispatch({ ...opts, headers }, handler);
    }
    return dispatch(opts, handler);
  });
  return { agent, dispatcher };
}

// My messages: every message the program sent her (the server shows a
// learner hers only).
import { api } from '../api/client';
import { useTitle } from '../router';
import { moment, Status, useLoad } from '../ui';

export function Messages() {
  useTitle('My messages');
  const list = useLoad(
    () => api.GET('/api/_messages', { params: { query: { fields: 'subject,text,sentAt,status,channel', sort: '-_createdAt', limit: 100 } } }),
    [],
  );
  return (
    <>
      <h1>My messages</h1>
      <Status of={list}>
        {() => {
          const items = (list.data?.items ?? []).filter((m) => m.channel === 'email' || m.subject);
          if (items.length === 0) return <p className="muted">No messages yet.</p>;
          return (
            <ul className="messages" data-testid="messages">
              {items.map((m) => (
                <li key={m.id}>
                  <details>
                    <summary>
                      <strong>{m.subject ?? '(no subject)'}</strong> <span className="muted">{moment(m.sentAt ?? m._createdAt)}</span>
                    </summary>
                    <p className="message-text">{m.text}</p>
                  </details>
                </li>
              ))}
            </ul>
          );
        }}
      </Status>
    </>
  );
}

'use client';

import { useState } from 'react';
import { useApiToken } from '@/lib/urql/provider';

/** Token entry (once; kept in localStorage) for an API that requires `Authorization: Bearer`. */
export function TokenField() {
  const { token, setToken } = useApiToken();
  const [draft, setDraft] = useState('');
  if (token) {
    return (
      <span className="sys">
        token set <button onClick={() => setToken(null)}>forget</button>
      </span>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) setToken(draft.trim());
      }}
    >
      <input placeholder="API token" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="API token" />{' '}
      <button type="submit">Save</button>
    </form>
  );
}

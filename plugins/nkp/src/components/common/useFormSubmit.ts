import { useState } from 'react';
import { errorMessage, fieldProblems } from './errors';

/**
 * Submitting a form to the backend: tracks the request, and on failure keeps the server's
 * message for the form and its field errors for the fields they concern.
 */
export function useFormSubmit<F extends string>(fields: readonly F[]) {
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Partial<Record<F, string>>>({});

  async function submit<T>(run: () => Promise<T>): Promise<T | undefined> {
    setSubmitting(true);
    setMessage(undefined);
    setProblems({});
    try {
      return await run();
    } catch (error) {
      setMessage(errorMessage(error));
      setProblems(fieldProblems(error, fields));
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  /** Problems found before sending (e.g. a required field left empty). */
  function reject(local: Partial<Record<F, string>>) {
    setProblems(local);
    setMessage('Please fill in the fields marked below.');
  }

  /** A field's error state: the problem found with it, else its hint. */
  function field(name: F, hint?: string) {
    return {
      error: Boolean(problems[name]),
      helperText: problems[name] ?? hint,
    };
  }

  return { submitting, message, problems, submit, reject, field };
}

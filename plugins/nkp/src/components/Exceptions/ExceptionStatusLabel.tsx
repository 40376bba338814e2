import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { ComponentType, PropsWithChildren } from 'react';
import { NkpExceptionView } from '../../api/types';

type Status = ComponentType<PropsWithChildren<{ 'aria-hidden'?: boolean }>>;

/** Where an exception stands, as an icon and words (never colour alone). */
export function exceptionStatus(exception: NkpExceptionView): {
  Icon: Status;
  text: string;
} {
  switch (exception.status) {
    case 'requested':
      return { Icon: StatusPending as Status, text: 'awaiting approval' };
    case 'rejected':
      return {
        Icon: StatusAborted as Status,
        text: `rejected on ${exception.rejectedAt?.slice(0, 10)}`,
      };
    case 'revoked':
      return {
        Icon: StatusAborted as Status,
        text: `revoked on ${exception.revokedAt?.slice(0, 10)}`,
      };
    default:
      break;
  }
  const evaluation = exception.evaluation;
  const capped = evaluation?.capped ? ' (capped)' : '';
  switch (evaluation?.status) {
    case 'active':
      return {
        Icon: StatusOK as Status,
        text: `active until ${evaluation.endsOn}${capped}`,
      };
    case 'pending':
      return {
        Icon: StatusPending as Status,
        text: `approved, counts from ${evaluation.startsOn}`,
      };
    case 'expired':
      return {
        Icon: StatusAborted as Status,
        text: `expired on ${evaluation.endsOn}`,
      };
    case 'invalid':
      return {
        Icon: StatusError as Status,
        text: `invalid: ${evaluation.note ?? 'see the policy'}`,
      };
    default:
      return { Icon: StatusOK as Status, text: 'approved' };
  }
}

export const ExceptionStatusLabel = ({
  exception,
}: {
  exception: NkpExceptionView;
}) => {
  const { Icon, text } = exceptionStatus(exception);
  // Status components are aria-hidden by default; the words are the information here.
  return <Icon aria-hidden={false}>{text}</Icon>;
};

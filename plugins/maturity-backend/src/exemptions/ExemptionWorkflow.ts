import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Exemption,
  ExemptionStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { randomUUID } from 'node:crypto';
import { EvaluationQueue } from '../database/EvaluationQueue';
import {
  ExemptionStore,
  ExemptionTransition,
} from '../database/ExemptionStore';
import { parseCalendarTimeMillis } from '../calendarTime';
import {
  ExemptionAction,
  ExemptionChangeListener,
  SYSTEM_ACTOR,
} from './ExemptionChangeListener';

// Lone UTF-16 surrogates: in a `u` regex a well-formed pair is one code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** What a request says. */
export interface ExemptionRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** RFC 3339; absent: no expiry asked for. */
  expiresAt?: string;
  /** Entity ref of the requesting user. */
  requester: string;
}

/**
 * The exemption workflow: requested → approved | denied | withdrawn;
 * approved → revoked | expired. It validates, keeps every change with its
 * audit row, queues the entity for evaluation when what counts changed, and
 * tells the listener after each committed change. Who may call what is the
 * routes' and actions' concern (permissions); who may not decide their own
 * request is this workflow's.
 */
export class ExemptionWorkflow {
  private readonly store: ExemptionStore;
  private readonly evaluationQueue: Pick<EvaluationQueue, 'enqueueEvaluation'>;
  private readonly listener: ExemptionChangeListener;
  private readonly autoApprove: ReadonlySet<string>;
  private readonly checkIds: () => ReadonlySet<string>;
  private readonly logger?: LoggerService;
  private readonly now: () => Date;

  constructor(options: {
    store: ExemptionStore;
    evaluationQueue: Pick<EvaluationQueue, 'enqueueEvaluation'>;
    listener: ExemptionChangeListener;
    /** Checks whose requests are approved at once. */
    autoApprove: Iterable<string>;
    /** The active rubric's check ids. */
    checkIds: () => ReadonlySet<string>;
    logger?: LoggerService;
    now?: () => Date;
  }) {
    this.store = options.store;
    this.evaluationQueue = options.evaluationQueue;
    this.listener = options.listener;
    this.autoApprove = new Set(options.autoApprove);
    this.checkIds = options.checkIds;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  /** An exemption by id; NotFoundError when there is none. */
  async get(id: string): Promise<Exemption> {
    const exemption = await this.store.getExemption(id);
    if (!exemption) throw new NotFoundError(`No exemption ${id}`);
    return exemption;
  }

  async request(request: ExemptionRequest): Promise<Exemption> {
    const { entityRef, checkId, requester } = request;
    if (!this.checkIds().has(checkId)) {
      throw new InputError(`checkId: unknown check '${checkId}'`);
    }
    const reason = request.reason.trim();
    if (!reason) throw new InputError('reason: must not be blank');
    if (LONE_SURROGATE.test(reason)) {
      throw new InputError('reason: must be well-formed Unicode');
    }
    const now = this.now();
    const expiresAt = this.futureTime('expiresAt', request.expiresAt, now);
    const at = now.toISOString();
    const requested: Exemption = {
      id: randomUUID(),
      entityRef,
      checkId,
      reason,
      status: 'requested',
      author: requester,
      createdAt: at,
      ...(expiresAt ? { requestedExpiresAt: expiresAt, expiresAt } : {}),
    };
    const events = [{ action: 'requested' as const, actor: requester, at }];
    if (!this.autoApprove.has(checkId)) {
      await this.store.createExemption(requested, events);
      await this.tell({
        exemption: requested,
        action: 'requested',
        actor: requester,
        at,
      });
      return requested;
    }
    const comment = 'Approved at once: maturity.exemptions.autoApprove';
    const approved: Exemption = {
      ...requested,
      status: 'approved',
      decidedBy: SYSTEM_ACTOR,
      decidedAt: at,
      decisionComment: comment,
    };
    await this.store.createExemption(approved, [
      ...events,
      { action: 'approved', actor: SYSTEM_ACTOR, at, comment },
    ]);
    await this.evaluationQueue.enqueueEvaluation([entityRef], now);
    await this.tell({
      exemption: approved,
      action: 'approved',
      actor: SYSTEM_ACTOR,
      at,
      comment,
    });
    return approved;
  }

  /**
   * Approves a request; `expiresAt` may shorten the requested expiry (or set
   * one where none was asked for), never lengthen it.
   */
  async approve(
    exemption: Exemption,
    decider: string,
    options: { expiresAt?: string; comment?: string } = {},
  ): Promise<Exemption> {
    this.assertNotOwnRequest(exemption, decider);
    this.assertIn(exemption, ['requested']);
    const now = this.now();
    const requestedMillis =
      exemption.requestedExpiresAt !== undefined
        ? Date.parse(exemption.requestedExpiresAt)
        : undefined;
    let expiresAt: Date | null = null;
    if (options.expiresAt !== undefined) {
      const millis = Date.parse(
        this.futureTime('expiresAt', options.expiresAt, now)!,
      );
      if (requestedMillis !== undefined && millis > requestedMillis) {
        throw new InputError(
          `expiresAt: must not be after the requested expiry ${exemption.requestedExpiresAt}`,
        );
      }
      expiresAt = new Date(millis);
    } else if (requestedMillis !== undefined) {
      if (requestedMillis <= now.getTime()) {
        throw new ConflictError(
          `The requested expiry ${exemption.requestedExpiresAt} has passed; deny the request (the requester may ask again)`,
        );
      }
      expiresAt = new Date(requestedMillis);
    }
    return this.change(
      exemption,
      {
        from: ['requested'],
        to: 'approved',
        actor: decider,
        at: now,
        expiresAt,
      },
      options.comment,
    );
  }

  async deny(
    exemption: Exemption,
    decider: string,
    comment: string,
  ): Promise<Exemption> {
    this.assertNotOwnRequest(exemption, decider);
    if (!comment.trim()) throw new InputError('comment: must not be blank');
    this.assertIn(exemption, ['requested']);
    return this.change(
      exemption,
      { from: ['requested'], to: 'denied', actor: decider, at: this.now() },
      comment,
    );
  }

  /** Only the requester withdraws, while the request waits. */
  async withdraw(
    exemption: Exemption,
    requester: string,
    comment?: string,
  ): Promise<Exemption> {
    if (exemption.author !== requester) {
      throw new NotAllowedError('Only the requester may withdraw a request');
    }
    this.assertIn(exemption, ['requested']);
    return this.change(
      exemption,
      {
        from: ['requested'],
        to: 'withdrawn',
        actor: requester,
        at: this.now(),
      },
      comment,
    );
  }

  async revoke(
    exemption: Exemption,
    decider: string,
    comment?: string,
  ): Promise<Exemption> {
    this.assertIn(exemption, ['approved']);
    return this.change(
      exemption,
      { from: ['approved'], to: 'revoked', actor: decider, at: this.now() },
      comment,
    );
  }

  /**
   * Marks approved exemptions whose expiry has come as expired, queues their
   * entities for evaluation (until then their stored scorecards still count
   * the waiver) and tells the listener.
   */
  async expireDue(): Promise<number> {
    const now = this.now();
    const expired = await this.store.expireExemptions(now, SYSTEM_ACTOR);
    if (expired.length > 0) {
      await this.evaluationQueue.enqueueEvaluation(
        [...new Set(expired.map(exemption => exemption.entityRef))],
        now,
      );
    }
    for (const exemption of expired) {
      await this.tell({
        exemption,
        action: 'expired',
        actor: SYSTEM_ACTOR,
        at: exemption.endedAt ?? now.toISOString(),
      });
    }
    return expired.length;
  }

  private async change(
    exemption: Exemption,
    transition: Omit<ExemptionTransition, 'id' | 'comment'>,
    comment?: string,
  ): Promise<Exemption> {
    const trimmed = comment?.trim() || undefined;
    if (trimmed && LONE_SURROGATE.test(trimmed)) {
      throw new InputError('comment: must be well-formed Unicode');
    }
    const outcome = await this.store.transitionExemption({
      ...transition,
      id: exemption.id,
      comment: trimmed,
    });
    if ('missing' in outcome)
      throw new NotFoundError(`No exemption ${exemption.id}`);
    if ('conflict' in outcome) {
      throw new ConflictError(
        `Exemption ${exemption.id} is ${
          outcome.conflict
        }, not ${transition.from.join(' or ')}`,
      );
    }
    // Approvals and revocations change what counts; the rest never counted.
    if (transition.to === 'approved' || transition.to === 'revoked') {
      await this.evaluationQueue.enqueueEvaluation(
        [exemption.entityRef],
        transition.at,
      );
    }
    await this.tell({
      exemption: outcome.exemption,
      action: transition.to as ExemptionAction,
      actor: transition.actor,
      at: transition.at.toISOString(),
      ...(trimmed ? { comment: trimmed } : {}),
    });
    return outcome.exemption;
  }

  private assertIn(exemption: Exemption, statuses: ExemptionStatus[]) {
    if (!statuses.includes(exemption.status)) {
      throw new ConflictError(
        `Exemption ${exemption.id} is ${exemption.status}, not ${statuses.join(
          ' or ',
        )}`,
      );
    }
  }

  private assertNotOwnRequest(exemption: Exemption, decider: string) {
    if (exemption.author === decider) {
      throw new NotAllowedError(
        'A requester may not decide their own exemption request',
      );
    }
  }

  /** A time in the future as RFC 3339 (UTC), or undefined when absent. */
  private futureTime(field: string, value: string | undefined, now: Date) {
    if (value === undefined) return undefined;
    const millis = parseCalendarTimeMillis(value);
    if (millis === undefined) {
      throw new InputError(
        `${field}: must be an RFC 3339 date-time with offset that exists on the calendar`,
      );
    }
    if (millis <= now.getTime()) {
      throw new InputError(`${field}: must be in the future`);
    }
    return new Date(millis).toISOString();
  }

  private async tell(
    change: Parameters<ExemptionChangeListener['exemptionChanged']>[0],
  ) {
    try {
      await this.listener.exemptionChanged(change);
    } catch (error) {
      this.logger?.warn(
        `Exemption change listener failed for ${change.exemption.id} (${change.action})`,
        error as Error,
      );
    }
  }
}

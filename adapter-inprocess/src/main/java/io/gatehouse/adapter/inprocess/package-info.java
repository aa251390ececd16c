/**
 * Single-node implementations of the counters that sign-in throttling needs, used when no Redis is configured: the
 * attempt counter of one-minute buckets ({@link io.gatehouse.adapter.inprocess.InProcessAttemptCounter}), the
 * consecutive-failure streaks ({@link io.gatehouse.adapter.inprocess.InProcessFailureStreaks}) and the gate that
 * admits a sign-in over both ({@link io.gatehouse.adapter.inprocess.InProcessAttemptGate}). Their keys are chosen
 * by whoever signs in, so both forget entries whose data has expired instead of growing for ever; counts are per
 * process, so several instances behind a load balancer each count on their own.
 */
package io.gatehouse.adapter.inprocess;

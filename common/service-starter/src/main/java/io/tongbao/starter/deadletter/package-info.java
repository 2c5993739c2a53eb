/**
 * Dead letters, in every service: the messages that exhausted their retries in one of the service's consumer groups
 * (RocketMQ keeps them in {@code %DLQ%<group>}), listed and replayed to their group through the RocketMQ client,
 * at {@code /api/<tongbao.ops.service>/ops/dead-letters} (ADMIN).
 */
package io.tongbao.starter.deadletter;

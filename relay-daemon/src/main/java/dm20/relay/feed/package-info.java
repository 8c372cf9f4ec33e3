/**
 * What each seat sees: the server → browser frames ({@link dm20.relay.feed.Frame}), the pure per-seat
 * projection of outbox messages into frames ({@link dm20.relay.feed.FeedProjector}), history selection
 * ({@link dm20.relay.feed.History}) and their JSON form ({@link dm20.relay.feed.FrameCodec}).
 */
package dm20.relay.feed;

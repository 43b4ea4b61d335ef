/**
 * Error codes carried by every rejected ack and every REST error body.
 * Ranges: protocol/transport (1xx), auth (2xx), session flow (3xx), scenario engine (4xx).
 */
export const ErrorCode = {
  /** The payload did not match the command's schema. */
  InvalidPayload: 'protocol/invalid_payload',
  /** The message exceeded the server's size limit. */
  PayloadTooLarge: 'protocol/payload_too_large',
  /** The client speaks a protocol version the server does not. */
  UnsupportedProtocol: 'protocol/unsupported_version',
  /** Too many messages in a short time. */
  RateLimited: 'protocol/rate_limited',
  /**
   * The connection fell too far behind what the server had to send it (too many bytes or messages
   * queued), so the server closed it; the client reconnects and resynchronises from the log.
   */
  SlowConsumer: 'protocol/slow_consumer',
  /** A commandId already used for a different command or payload; nothing was changed. */
  CommandIdReused: 'protocol/command_id_reused',
  /** Something failed on the server; nothing was changed. */
  Internal: 'protocol/internal',
  /**
   * The server process running the session did not answer (it stopped, or is stalled): another
   * takes the session over once its lease runs out. Send the same command or request again in a
   * few seconds; the message says whether it may have been applied meanwhile (HTTP 503).
   */
  SessionUnavailable: 'protocol/session_unavailable',
  /** No valid credential was presented. */
  Unauthenticated: 'auth/unauthenticated',
  /** The credential is valid but may not do this. */
  Forbidden: 'auth/forbidden',
  /** The socket's origin is not the configured public origin. */
  ForeignOrigin: 'auth/foreign_origin',
  /** The link has expired or was revoked (HTTP 410). */
  LinkGone: 'session/link_gone',
  /** An edit was based on a revision someone else has replaced since (HTTP 409); reload and redo. */
  StaleRevision: 'session/stale_revision',
  /** No session, team or participant with that id or code. */
  NotFound: 'session/not_found',
  /** The session is paused: time is stopped and commands wait. */
  SessionPaused: 'session/paused',
  /** The session has not started yet, or has ended. */
  SessionNotRunning: 'session/not_running',
  /**
   * A trainee command made from a seat (team and agency) the trainee no longer has: the facilitator
   * moved them while it was on its way (queued offline, say). Nothing was changed.
   */
  SeatChanged: 'session/seat_changed',
  /**
   * A trainee joining a team where someone already has that display name (or one that reads the
   * same: case, accents, a Cyrillic look-alike). Nothing was changed; an initial makes it theirs.
   */
  NameTaken: 'session/name_taken',
  /** The action is not allowed for this role. */
  WrongRole: 'engine/wrong_role',
  /** The action is not available in the current phase. */
  NotInPhase: 'engine/not_in_phase',
  /** A condition of the action does not hold. */
  ConditionNotMet: 'engine/condition_not_met',
  /** A request the action depends on is still pending. */
  RequestPending: 'engine/request_pending',
  /** This decision has been taken already. */
  AlreadyDecided: 'engine/already_decided',
  /** The scenario has reached an ending. */
  Ended: 'engine/ended',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

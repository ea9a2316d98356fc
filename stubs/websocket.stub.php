<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace Async {
    /**
     * An RFC 6455 WebSocket server on the loop: libevent bufferevents (TLS
     * through OpenSSL for tls:// URIs) and wslay framing.
     *
     * @strict-properties
     * @not-serializable
     */
    final class WebSocketServer
    {
        /**
         * $uri: "tcp://127.0.0.1:8080" or "tls://0.0.0.0:8443"; port 0 picks a
         * free port. Options: tls_cert, tls_key, tls_passphrase, tls_ca,
         * allowed_origins, subprotocols, max_message_size, max_connections,
         * max_header_size, handshake_timeout, idle_timeout, ping_interval,
         * send_buffer_limit, backlog.
         */
        public function __construct(string $uri, WebSocket\Listener $listener, array $options = []) {}

        /** Binds and listens now: a bad address, busy port, or unreadable certificate throws here. */
        public function start(): void {}

        /** Stops accepting, closes every connection with 1001; resolves when all are closed or $grace ends. */
        public function stop(float $grace = 5.0): Promise {}

        /** "127.0.0.1:49152": the address bound, after start(). */
        public function address(): string {}

        /** @return array<int, WebSocket\Connection> the open connections by id */
        public function connections(): array {}

        /**
         * Sends one message to every open connection but those in $except
         * (Connection objects or ids); the frame is encoded once and shared.
         * Returns the number of recipients.
         */
        public function broadcast(string $data, bool $binary = false, array $except = []): int {}
    }
}

namespace Async\WebSocket {
    /**
     * One client of a WebSocketServer; made by the server only.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Connection
    {
        private function __construct() {}

        public function id(): int {}

        /** The HTTP request of the handshake: path, query, headers, cookies, subprotocol. */
        public function request(): Request {}

        /** "ip:port" of the peer. */
        public function remoteAddress(): string {}

        /** Sends a text message (UTF-8). */
        public function send(string $data): void {}

        public function sendBinary(string $data): void {}

        public function ping(string $payload = ""): void {}

        /** Starts the closing handshake (RFC 6455 7.1.2). */
        public function close(int $code = 1000, string $reason = ""): void {}

        public function isOpen(): bool {}

        /** Bytes queued for this client and not yet written to the socket. */
        public function bufferedAmount(): int {}
    }

    /**
     * The handshake request of a Connection.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Request
    {
        private function __construct() {}

        public function method(): string {}

        /** The path, without the query string. */
        public function path(): string {}

        /** The raw query string, without "?". */
        public function queryString(): string {}

        /** @return array<string, mixed> the query string parsed as parse_str() does */
        public function query(): array {}

        /** @return array<string, string> header names lower-cased; repeated headers joined with ", " */
        public function headers(): array {}

        public function header(string $name): ?string {}

        /** @return array<string, string> */
        public function cookies(): array {}

        /** The subprotocol agreed on, or null. */
        public function subprotocol(): ?string {}
    }

    /** Sending on a connection that is not open, and other connection failures. */
    class ConnectionException extends \Async\AsyncException
    {
    }

    /** A handshake that could not complete. */
    class HandshakeException extends \Async\AsyncException
    {
    }
}

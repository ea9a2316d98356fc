<?php

/**
 * The Listener interface has a stub of its own, without legacy arginfo: on
 * PHP 7.4 too its parameters must keep their types, or a class implementing
 * it as documented would not be compatible. Every type it uses exists in 7.4.
 *
 * @generate-class-entries
 */

namespace Async\WebSocket {
    /** What a WebSocketServer calls; every method runs on the loop. */
    interface Listener
    {
        public function onOpen(Connection $connection): void;

        public function onMessage(Connection $connection, string $data, bool $binary): void;

        public function onClose(Connection $connection, int $code, string $reason): void;

        public function onError(Connection $connection, \Throwable $error): void;
    }
}

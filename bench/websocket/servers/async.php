<?php
/* bench/websocket: the Async\WebSocketServer under test.
 *   php -d extension=async.so async.php PORT
 * Echoes every message with send()/sendBinary(); a message starting with "B"
 * is broadcast to every other client with WebSocketServer::broadcast(). */
declare(strict_types=1);

use Async\WebSocket\Connection;
use Async\WebSocket\Listener;
use Async\WebSocketServer;

final class BenchListener implements Listener
{
    public ?WebSocketServer $server = null;

    public function onOpen(Connection $connection): void
    {
    }

    public function onMessage(Connection $connection, string $data, bool $binary): void
    {
        if ($data !== '' && $data[0] === 'B') {
            $this->server->broadcast($data, $binary, [$connection]);
        } elseif ($binary) {
            $connection->sendBinary($data);
        } else {
            $connection->send($data);
        }
    }

    public function onClose(Connection $connection, int $code, string $reason): void
    {
    }

    public function onError(Connection $connection, \Throwable $error): void
    {
    }
}

$port = (int) ($argv[1] ?? 0);
$listener = new BenchListener();
// max_connections: the default (10,000) would refuse the 10,001st client (503).
$server = new WebSocketServer("tcp://127.0.0.1:$port", $listener, [
    'max_connections' => (int) (getenv('BENCH_MAX_CONNECTIONS') ?: 100000),
    'backlog' => 4096,
]);
$listener->server = $server;
$server->start();
echo "LISTENING ", $server->address(), "\n";
Async\Loop::run();

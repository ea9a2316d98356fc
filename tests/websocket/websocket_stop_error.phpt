--TEST--
Async\WebSocketServer: start() twice or after stop() is an Async\AsyncError; address() before start() is an Async\AsyncError; stop() before start() is fulfilled at once; stop() refuses a bad grace
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;
use Async\WebSocketServer;

ws_timeout(5);
$server = new WebSocketServer('tcp://127.0.0.1:0', new WsTestListener());
show_error(function () use ($server) { $server->address(); });
var_dump($server->connections(), $server->broadcast('x'));
$server->start();
echo "address: ", preg_match('/^127\.0\.0\.1:[1-9]\d*$/', $server->address()), "\n";
show_error(function () use ($server) { $server->start(); });
show_error(function () use ($server) { $server->stop(-1); });
show_error(function () use ($server) { $server->stop(NAN); });
show_error(function () use ($server) { $server->stop(INF); });
$server->stop(0)->then(function () { echo "stopped\n"; });
Loop::run();
show_error(function () use ($server) { $server->start(); });
echo "address after stop: ", preg_match('/^127\.0\.0\.1:\d+$/', $server->address()), "\n";

echo "-- stop() before start()\n";
$never = new WebSocketServer('tcp://127.0.0.1:0', new WsTestListener());
$p = $never->stop();
Loop::run();
var_dump($p->isFulfilled());
show_error(function () use ($never) { $never->start(); });

echo "-- constructed twice\n";
show_error(function () use ($server) { $server->__construct('tcp://127.0.0.1:0', new WsTestListener()); });
?>
--EXPECT--
Async\AsyncError: The server has no address before start()
array(0) {
}
int(0)
address: 1
Async\AsyncError: This Async\WebSocketServer was started already; make a new one
ValueError: Async\WebSocketServer::stop(): Argument #1 ($grace) must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::stop(): Argument #1 ($grace) must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::stop(): Argument #1 ($grace) must be a finite number of seconds, at least 0
stopped
Async\AsyncError: This Async\WebSocketServer was started already; make a new one
address after stop: 1
-- stop() before start()
bool(true)
Async\AsyncError: This Async\WebSocketServer was started already; make a new one
-- constructed twice
Error: Cannot call Async\WebSocketServer::__construct() twice

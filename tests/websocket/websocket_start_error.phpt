--TEST--
Async\WebSocketServer::start(): a busy port, or an address that is not IP:PORT, throws Async\AsyncException at start(); the server is left unstarted
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;
use Async\WebSocketServer;

$l = new WsTestListener();
$start = function (string $uri) use ($l) {
    $s = new WebSocketServer($uri, $l);
    try {
        $s->start();
        echo "$uri: started\n";
        ws_stop($s, 0);
    } catch (Throwable $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
    return $s;
};

echo "-- a busy port\n";
$busy = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$addr = stream_socket_get_name($busy, false);
$s = new WebSocketServer("tcp://$addr", $l);
try {
    $s->start();
} catch (Async\AsyncException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
    echo "message names the address: ", var_export($e->getMessage() === "Cannot listen on $addr: Address already in use", true), "\n";
}
show_error(function () use ($s) { $s->address(); });
fclose($busy);
// the same object may try again once the port is free
$s->start();
echo "second try: ", $s->address() === $addr ? "listening on the same port" : $s->address(), "\n";
ws_stop($s, 0);

echo "-- bad addresses\n";
foreach (['tcp://999.1.1.1:0', 'tcp://127.0.0.1', 'tcp://127.0.0.1:', 'tcp://127.0.0.1:99999', 'tcp://127.0.0.1:-1',
        'tcp://127.0.0.1:80x', 'tcp://example.invalid:0', 'tcp://:0', 'tcp://[::1:0', 'tcp://[zz]:0'] as $uri) {
    $start($uri);
}
Loop::run();
?>
--EXPECTF--
-- a busy port
Async\AsyncException: Cannot listen on 127.0.0.1:%d: Address already in use
message names the address: true
Async\AsyncError: The server has no address before start()
second try: listening on the same port
-- bad addresses
Async\AsyncException: Cannot listen on tcp://999.1.1.1:0: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://127.0.0.1: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://127.0.0.1:: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://127.0.0.1:99999: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://127.0.0.1:-1: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://127.0.0.1:80x: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://example.invalid:0: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://:0: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://[::1:0: give an IP address and a port, such as tcp://127.0.0.1:8080
Async\AsyncException: Cannot listen on tcp://[zz]:0: give an IP address and a port, such as tcp://127.0.0.1:8080

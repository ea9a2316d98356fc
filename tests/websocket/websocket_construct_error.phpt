--TEST--
Async\WebSocketServer::__construct(): a bad URI scheme, unknown options, options of the wrong type or range, and tls:// without tls_cert are ValueErrors
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\WebSocketServer;

$l = new WsTestListener();
$make = function (string $uri, array $options = []) use ($l) {
    show_error(function () use ($uri, $options, $l) { new WebSocketServer($uri, $l, $options); });
};
echo "-- URIs\n";
$make('http://127.0.0.1:0');
$make('udp://127.0.0.1:0');
$make('127.0.0.1:0');
$make('');
$make('tcp://127.0.0.1:0');
$make('ws://127.0.0.1:0');
echo "-- options\n";
$make('tcp://127.0.0.1:0', ['no_such_option' => 1]);
$make('tcp://127.0.0.1:0', ['Max_Message_Size' => 1]);
$make('tcp://127.0.0.1:0', [5 => 1]);
$make('tcp://127.0.0.1:0', ['max_message_size' => 'x']);
$make('tcp://127.0.0.1:0', ['max_message_size' => '1024']);
$make('tcp://127.0.0.1:0', ['max_message_size' => 0]);
$make('tcp://127.0.0.1:0', ['max_message_size' => -1]);
$make('tcp://127.0.0.1:0', ['max_message_size' => 1.5]);
$make('tcp://127.0.0.1:0', ['max_header_size' => 100]);
$make('tcp://127.0.0.1:0', ['send_buffer_limit' => 0]);
$make('tcp://127.0.0.1:0', ['max_connections' => 0]);
$make('tcp://127.0.0.1:0', ['backlog' => -5]);
$make('tcp://127.0.0.1:0', ['handshake_timeout' => -1]);
$make('tcp://127.0.0.1:0', ['idle_timeout' => -0.5]);
$make('tcp://127.0.0.1:0', ['ping_interval' => 'soon']);
$make('tcp://127.0.0.1:0', ['ping_interval' => INF]);
$make('tcp://127.0.0.1:0', ['handshake_timeout' => NAN]);
$make('tcp://127.0.0.1:0', ['allowed_origins' => 'https://a.example']);
$make('tcp://127.0.0.1:0', ['allowed_origins' => ['']]);
$make('tcp://127.0.0.1:0', ['subprotocols' => ['chat', 5]]);
$make('tcp://127.0.0.1:0', ['subprotocols' => ["chat\r\nX-Injected: 1"]]);
$make('tcp://127.0.0.1:0', ['tls_cert' => 5]);
echo "-- valid\n";
$make('tcp://127.0.0.1:0', ['max_message_size' => 1, 'idle_timeout' => 0, 'ping_interval' => 0.5, 'handshake_timeout' => 1,
    'allowed_origins' => ['*'], 'subprotocols' => [], 'max_header_size' => 256, 'backlog' => 1]);
echo "-- TLS\n";
$make('tls://127.0.0.1:0');
$make('wss://127.0.0.1:0', ['tls_key' => __FILE__]);
$make('tls://127.0.0.1:0', ['tls_cert' => __FILE__]);
echo "-- types (the wording differs between PHP versions)\n";
foreach ([function () { new WebSocketServer('tcp://127.0.0.1:0', new stdClass()); },
        function () use ($l) { new WebSocketServer('tcp://127.0.0.1:0', $l, 'x'); }] as $fn) {
    try {
        $fn();
        echo "no exception\n";
    } catch (TypeError $e) {
        echo "TypeError\n";
    }
}
?>
--EXPECT--
-- URIs
ValueError: Async\WebSocketServer::__construct(): Argument #1 ($uri) must be "tcp://IP:PORT" or "tls://IP:PORT", "http://127.0.0.1:0" given
ValueError: Async\WebSocketServer::__construct(): Argument #1 ($uri) must be "tcp://IP:PORT" or "tls://IP:PORT", "udp://127.0.0.1:0" given
ValueError: Async\WebSocketServer::__construct(): Argument #1 ($uri) must be "tcp://IP:PORT" or "tls://IP:PORT", "127.0.0.1:0" given
ValueError: Async\WebSocketServer::__construct(): Argument #1 ($uri) must be "tcp://IP:PORT" or "tls://IP:PORT", "" given
no exception
no exception
-- options
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) has an unknown option "no_such_option"
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) has an unknown option "Max_Message_Size"
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) must be an array with option names as keys
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_message_size" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_message_size" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_message_size" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_message_size" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_message_size" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_header_size" must be an integer of at least 256
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "send_buffer_limit" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "max_connections" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "backlog" must be an integer of at least 1
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "handshake_timeout" must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "idle_timeout" must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "ping_interval" must be a number of seconds
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "ping_interval" must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "handshake_timeout" must be a finite number of seconds, at least 0
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "allowed_origins" must be an array of strings
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "allowed_origins" must be an array of non-empty strings
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "subprotocols" must be an array of non-empty strings
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "subprotocols" must be an array of non-empty strings
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) option "tls_cert" must be a string
-- valid
no exception
-- TLS
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) must have "tls_cert" (and "tls_key") for a tls:// server
ValueError: Async\WebSocketServer::__construct(): Argument #3 ($options) must have "tls_cert" (and "tls_key") for a tls:// server
no exception
-- types (the wording differs between PHP versions)
TypeError
TypeError

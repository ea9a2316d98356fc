--TEST--
Async\WebSocketServer over tls://: Node's ws (wss://, self-signed certificate) gets its echoes; also with a key encrypted under tls_passphrase, and with the key in the certificate file
--EXTENSIONS--
async
openssl
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(['openssl']); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(8);
$dir = sys_get_temp_dir() . '/async-ws-tls-basic';
[$cert, $key] = ws_tls_make_cert($dir, 'plain');
[$cert2, $key2] = ws_tls_make_cert($dir, 'secret', 'correct horse');
file_put_contents("$dir/both.pem", file_get_contents($cert) . file_get_contents($key));
echo "the key is encrypted: ", var_export(strpos(file_get_contents($key2), 'ENCRYPTED') !== false, true), "\n";

$cases = [
    'certificate and key' => ['tls_cert' => $cert, 'tls_key' => $key],
    'encrypted key, tls_passphrase' => ['tls_cert' => $cert2, 'tls_key' => $key2, 'tls_passphrase' => 'correct horse'],
    'key in the certificate file' => ['tls_cert' => "$dir/both.pem"],
];
$next = function () use (&$next, &$cases) {
    if (!$cases) {
        return;
    }
    $name = key($cases);
    $options = array_shift($cases);
    echo "-- $name\n";
    $server = ws_server([
        'open' => function ($conn) { echo "server: onOpen, path ", $conn->request()->path(), "\n"; },
        'close' => function ($conn, $code, $reason) { echo "server: onClose $code '$reason'\n"; },
    ], $options, 'tls');
    // the shared client: the URL, then the messages it sends (each after the echo of the one before)
    ws_node('clients/echo.js', 'wss://' . $server->address() . '/tls', ['over TLS ✓', 'hex:00ff01'], null, function ($code, $node) use ($server, $next) {
        echo implode("\n", $node->lines), "\nnode exit $code\n";
        ws_stop($server, 1.0, $next);
    });
};
$next();
Loop::run();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/ws.inc';
ws_remove_dir(sys_get_temp_dir() . '/async-ws-tls-basic');
?>
--EXPECT--
the key is encrypted: true
-- certificate and key
server: onOpen, path /tls
server: onClose 1000 'done'
open TLSv1.2+
echo over TLS ✓
echo hex:00ff01
close 1000 done
node exit 0
-- encrypted key, tls_passphrase
server: onOpen, path /tls
server: onClose 1000 'done'
open TLSv1.2+
echo over TLS ✓
echo hex:00ff01
close 1000 done
node exit 0
-- key in the certificate file
server: onOpen, path /tls
server: onClose 1000 'done'
open TLSv1.2+
echo over TLS ✓
echo hex:00ff01
close 1000 done
node exit 0

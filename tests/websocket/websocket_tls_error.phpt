--TEST--
Async\WebSocketServer over tls://: certificate and key problems throw at start() naming the file (never a passphrase prompt); a TLS 1.1 client and a plain ws:// client are refused, a TLS 1.2 one is served
--EXTENSIONS--
async
openssl
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(['openssl']); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;
use Async\WebSocketServer;

ws_timeout(8);
$dir = sys_get_temp_dir() . '/async-ws-tls-error';
[$cert, $key] = ws_tls_make_cert($dir, 'a');
[$cert2, $key2] = ws_tls_make_cert($dir, 'b');
[$cert3, $key3] = ws_tls_make_cert($dir, 'enc', 'secret');
file_put_contents("$dir/garbage.crt", "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");

$try = function (array $options) {
    $s = new WebSocketServer('tls://127.0.0.1:0', new WsTestListener(), $options);
    try {
        $s->start();
        echo "started\n";
        ws_stop($s, 0);
    } catch (Async\AsyncException $e) {
        // the OpenSSL reason varies between OpenSSL versions
        echo get_class($e), ": ", preg_replace('/: error:.*$/', ': (OpenSSL reason)', $e->getMessage()), "\n";
    }
};
echo "-- start() errors\n";
$try(['tls_cert' => "$dir/missing.crt", 'tls_key' => $key]);
$try(['tls_cert' => "$dir/garbage.crt", 'tls_key' => $key]);
$try(['tls_cert' => $cert, 'tls_key' => "$dir/missing.key"]);
$try(['tls_cert' => $cert]);
$try(['tls_cert' => $cert, 'tls_key' => $key2]);
$try(['tls_cert' => $cert3, 'tls_key' => $key3, 'tls_passphrase' => 'wrong']);
$try(['tls_cert' => $cert, 'tls_key' => $key, 'tls_ca' => "$dir/missing-ca.pem"]);
$try(['tls_cert' => $cert3, 'tls_key' => $key3, 'tls_passphrase' => 'secret']);

echo "-- an encrypted key and no tls_passphrase, in a process without a terminal\n";
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$code = 'require ' . var_export(dirname(__DIR__) . '/inc/ws.inc', true) . ';'
    . '$s = new Async\WebSocketServer("tls://127.0.0.1:0", new WsTestListener(), ["tls_cert" => ' . var_export($cert3, true)
    . ', "tls_key" => ' . var_export($key3, true) . ']);'
    . 'try { $s->start(); echo "started\n"; } catch (Async\AsyncException $e) { echo preg_replace("/: error:.*$/", ": (OpenSSL reason)", $e->getMessage()), "\n"; }';
$cmd = 'exec setsid ' . escapeshellarg($php) . ' ' . (getenv('TEST_PHP_EXTRA_ARGS') ?: '') . ' -r ' . escapeshellarg($code) . ' </dev/null 2>&1';
// setsid: no controlling terminal for OpenSSL to prompt on; stdin is empty
$proc = proc_open($cmd, [1 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
proc_close($proc);
echo str_replace($key3, 'KEY', $out);

echo "-- clients\n";
$server = ws_server([
    'open' => function ($conn) { echo "server: onOpen\n"; },
    'close' => function ($conn, $code) { echo "server: onClose $code\n"; },
], ['tls_cert' => $cert, 'tls_key' => $key], 'tls');
$client = <<<'JS'
const tries = [
    ['TLS 1.1', 'wss', { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }],
    ['TLS 1.2', 'wss', { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }],
    ['plain ws://', 'ws', {}],
];
function next() {
    const t = tries.shift();
    if (!t) return;
    const ws = new WebSocket(t[1] + '://' + ADDR + '/', Object.assign({ rejectUnauthorized: false }, t[2]));
    ws.on('open', () => { out(t[0] + ': open', ws._socket.getProtocol()); ws.close(); });
    ws.on('error', (e) => out(t[0] + ': error,', /alert protocol version/.test(e.message) ? 'the server refused the protocol version' : e.code));
    ws.on('close', (code) => { out(t[0] + ': close', code); next(); });
}
next();
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) use ($server) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
    ws_stop($server);
});
Loop::run();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/ws.inc';
ws_remove_dir(sys_get_temp_dir() . '/async-ws-tls-error');
?>
--EXPECTF--
-- start() errors
Async\AsyncException: Cannot load the certificate chain %s/async-ws-tls-error/missing.crt: (OpenSSL reason)
Async\AsyncException: Cannot load the certificate chain %s/async-ws-tls-error/garbage.crt: (OpenSSL reason)
Async\AsyncException: Cannot load the private key %s/async-ws-tls-error/missing.key: (OpenSSL reason)
Async\AsyncException: Cannot load the private key %s/async-ws-tls-error/a.crt: (OpenSSL reason)
Async\AsyncException: Cannot %s private key%s
Async\AsyncException: Cannot load the private key %s/async-ws-tls-error/enc.key: (OpenSSL reason)
Async\AsyncException: Cannot load the CA file %s/async-ws-tls-error/missing-ca.pem: (OpenSSL reason)
started
-- an encrypted key and no tls_passphrase, in a process without a terminal
Cannot load the private key KEY: (OpenSSL reason)
-- clients
server: onOpen
server: onClose 1005
TLS 1.1: error, the server refused the protocol version
TLS 1.1: close 1006
TLS 1.2: open TLSv1.2
TLS 1.2: close 1005
plain ws://: error, ECONNRESET
plain ws://: close 1006
node exit 0

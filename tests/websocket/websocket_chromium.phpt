--TEST--
Async\WebSocketServer: headless Chromium opens a WebSocket, sends text and binary, and gets the echoes
--EXTENSIONS--
async
--SKIPIF--
<?php
if (!is_executable('/usr/bin/chromium')) die('skip chromium not installed (apt-get install chromium)');
?>
--FILE--
<?php
use Async\Loop;
use Async\WebSocketServer;
use Async\WebSocket\Connection;
use Async\WebSocket\Listener;

final class EchoListener implements Listener
{
    public $log = [];
    public function onOpen(Connection $c): void
    {
        $this->log[] = "open, Origin: " . $c->request()->header('Origin');
    }
    public $result = null;
    public function onMessage(Connection $c, string $data, bool $binary): void
    {
        if (!$binary && strncmp($data, 'RESULT ', 7) === 0) {
            // the page reports what it received, then closes
            $this->result = substr($data, 7);
            return;
        }
        $this->log[] = ($binary ? "binary " : "text ") . bin2hex($data);
        $binary ? $c->sendBinary($data) : $c->send("echo: $data");
    }
    public function onClose(Connection $c, int $code, string $reason): void
    {
        $this->log[] = "close $code";
    }
    public function onError(Connection $c, Throwable $e): void
    {
        $this->log[] = "error " . $e->getMessage();
    }
}

$listener = new EchoListener();
$server = new WebSocketServer('tcp://127.0.0.1:0', $listener);
$server->start();
$url = 'ws://' . $server->address() . '/browser';

// The page reports what it received over the same socket, then closes it.
$page = <<<HTML
<!doctype html><title>t</title><script>
const ws = new WebSocket('$url');
ws.binaryType = 'arraybuffer';
const got = [];
ws.onopen = () => { ws.send('héllo'); ws.send(new Uint8Array([0, 255, 7])); };
ws.onmessage = (e) => {
  got.push(typeof e.data === 'string' ? e.data : 'bytes ' + Array.from(new Uint8Array(e.data)).join(','));
  if (got.length === 2) { ws.send('RESULT ' + JSON.stringify(got)); ws.close(1000, 'done'); }
};
</script>
HTML;
$dir = sys_get_temp_dir() . '/async-chromium-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/page.html", $page);

$cmd = ['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    "--user-data-dir=$dir/profile", "file://$dir/page.html"];
// The browser must not inherit an ASan preload meant for PHP (--asan runs).
$env = getenv();
unset($env['LD_PRELOAD'], $env['ASAN_OPTIONS'], $env['UBSAN_OPTIONS'], $env['USE_ZEND_ALLOC']);
$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
// Poll until the page reported and closed (or 60 s pass).
$started = Loop::now();
Loop::repeat(0.05, function ($id) use ($listener, $server, $started) {
    $closed = in_array('close 1000', $listener->log, true);
    if (($listener->result !== null && $closed) || Loop::now() - $started > 60) {
        Loop::cancel($id);
        $server->stop(1);
    }
});
Loop::run();
proc_terminate($proc);
proc_close($proc);

echo "browser: ", $listener->result ?? "(nothing: TIMEOUT)", "\n";
echo implode("\n", $listener->log), "\n";
?>
--CLEAN--
<?php
$dir = sys_get_temp_dir() . '/async-chromium-' . getmypid();
exec('rm -rf ' . escapeshellarg(sys_get_temp_dir()) . '/async-chromium-*');
?>
--EXPECTF--
browser: ["echo: héllo","bytes 0,255,7"]
open, Origin: %s
text 68c3a96c6c6f
binary 00ff07
close 1000

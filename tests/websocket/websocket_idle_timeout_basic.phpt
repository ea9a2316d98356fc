--TEST--
Async\WebSocketServer: idle_timeout closes a silent connection with 1001 "idle timeout"; the client's answer completes the close (onClose, EOF); a client that just hangs up is let go too
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(8);
$idle = 0.3;
$events = [];
$server = ws_server([
    'message' => function ($conn, $data) use (&$events) { $events[] = "onMessage '$data'"; },
    'close' => function ($conn, $code, $reason) use (&$events) { $events[] = "onClose $code '$reason'"; },
], ['idle_timeout' => $idle, 'ping_interval' => 0]);
$addr = $server->address();
$bound = ws_pick(1.5, 5.0);

/* One client: $talk messages idle/2 apart, then silence; on the close frame
 * it answers ($answer) or hangs up. The server must be done with it (EOF,
 * onClose) in bounded time; server events print after. */
function step(int $n, int $talk, bool $answer, callable $next): void
{
    global $addr, $idle, $bound, $events;
    echo "-- client $n: ", $talk ? "talks for a while, then is silent" : "silent", ", ", $answer ? "answers the close" : "hangs up on the close", "\n";
    $events = [];
    $raw = new WsRaw($addr);
    $done = false;
    $bounded = null;
    $end = function (string $how) use (&$done, &$bounded, $raw, $next, &$events) {
        if ($done) {
            return;
        }
        $done = true;
        Loop::cancel($bounded);
        echo "client: $how\n";
        $raw->close();
        Loop::delay(ws_pick(0.05, 0.5), function () use ($next, &$events) {
            foreach ($events as $e) {
                echo "server: $e\n";
            }
            $next();
        });
    };
    // the server's idle timer (re)starts after each of our writes reaches it
    $lastWrite = Loop::now();
    $raw->handshake(function ($head) use ($raw, $talk, $answer, $end, $idle, $bound, &$lastWrite, &$bounded) {
        $k = 0;
        if ($talk) {
            Loop::repeat($idle / 2, function ($id) use ($raw, &$k, $talk, &$lastWrite) {
                $lastWrite = Loop::now();
                $raw->write(ws_frame(WS_OP_TEXT, "keep-alive $k"));
                if (++$k === $talk) {
                    Loop::cancel($id);
                }
            });
        }
        $raw->whenFrame(function ($f) use ($raw, $answer, $end, $idle, $talk, &$k, &$lastWrite) {
            echo "client: ", ws_describe_frame($f), ", after the last message plus the idle time: ",
                var_export($k === $talk && Loop::now() - $lastWrite >= 0.9 * $idle, true), "\n";
            if ($answer) {
                $raw->write(ws_frame(WS_OP_CLOSE, ws_close_payload($f['code'])));
            } else {
                $end('hung up');
            }
        });
        $raw->whenEof(function () use ($end) { $end('EOF'); });
        $bounded = Loop::delay($bound + $talk * $idle / 2, function () use ($end) { $end('no EOF in bounded time'); });
    });
}

step(1, 0, true, function () {
    step(2, 5, true, function () {
        step(3, 0, false, function () {
            global $server;
            ws_stop($server);
        });
    });
});
Loop::run();
?>
--EXPECT--
-- client 1: silent, answers the close
client: close 1001 'idle timeout', after the last message plus the idle time: true
client: EOF
server: onClose 1001 ''
-- client 2: talks for a while, then is silent, answers the close
client: close 1001 'idle timeout', after the last message plus the idle time: true
client: EOF
server: onMessage 'keep-alive 0'
server: onMessage 'keep-alive 1'
server: onMessage 'keep-alive 2'
server: onMessage 'keep-alive 3'
server: onMessage 'keep-alive 4'
server: onClose 1001 ''
-- client 3: silent, hangs up on the close
client: close 1001 'idle timeout', after the last message plus the idle time: true
client: hung up
server: onClose 1006 ''

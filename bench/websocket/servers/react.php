<?php
/* bench/websocket: a pure-PHP peer. No Composer WebSocket server could be
 * installed here (cboden/ratchet, amphp/websocket-server, workerman/workerman
 * and ratchet/rfc6455 are not in the registry copy), so this is the nearest
 * real alternative: ReactPHP's react/socket (its StreamSelectLoop: no ev/event/uv
 * extension here) with the same minimal frame codec as floor.c, written in PHP.
 * No validation; stream_select() limits it to about 1,000 clients (FD_SETSIZE).
 *   php react.php PORT */
declare(strict_types=1);

require __DIR__ . '/../vendor/autoload.php';

use React\Socket\ConnectionInterface;
use React\Socket\SocketServer;

$port = (int) ($argv[1] ?? 0);
$server = new SocketServer("127.0.0.1:$port");
/** @var SplObjectStorage<ConnectionInterface, null> $open */
$open = new SplObjectStorage();

function ws_frame(int $first, string $payload): string
{
    $n = strlen($payload);
    if ($n < 126) {
        return chr($first) . chr($n) . $payload;
    }
    if ($n <= 0xffff) {
        return chr($first) . chr(126) . pack('n', $n) . $payload;
    }
    return chr($first) . chr(127) . pack('J', $n) . $payload;
}

$server->on('connection', function (ConnectionInterface $conn) use ($open) {
    $buf = '';
    $isOpen = false;
    $conn->on('data', function (string $data) use ($conn, $open, &$buf, &$isOpen) {
        $buf .= $data;
        if (!$isOpen) {
            $end = strpos($buf, "\r\n\r\n");
            if ($end === false) {
                return;
            }
            if (!preg_match('/^Sec-WebSocket-Key:\s*(\S+)/mi', substr($buf, 0, $end), $m)) {
                $conn->close();
                return;
            }
            $accept = base64_encode(sha1($m[1] . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true));
            $conn->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                . "Sec-WebSocket-Accept: $accept\r\n\r\n");
            $buf = (string) substr($buf, $end + 4);
            $isOpen = true;
            $open->attach($conn);
        }
        $off = 0;
        $len = strlen($buf);
        while ($len - $off >= 6) {
            $b0 = ord($buf[$off]);
            $plen = ord($buf[$off + 1]) & 0x7f;
            $hlen = 2;
            if ($plen === 126) {
                if ($len - $off < 8) {
                    break;
                }
                $plen = unpack('n', $buf, $off + 2)[1];
                $hlen = 4;
            } elseif ($plen === 127) {
                if ($len - $off < 14) {
                    break;
                }
                $plen = unpack('J', $buf, $off + 2)[1];
                $hlen = 10;
            }
            if ($len - $off < $hlen + 4 + $plen) {
                break;
            }
            $mask = substr($buf, $off + $hlen, 4);
            $payload = substr($buf, $off + $hlen + 4, $plen)
                ^ substr(str_repeat($mask, ($plen >> 2) + 1), 0, $plen);
            $off += $hlen + 4 + $plen;
            $opcode = $b0 & 0x0f;
            if ($opcode === 0x8) {
                $conn->end(ws_frame(0x88, $payload));
                return;
            }
            if ($opcode === 0x9) {
                $conn->write(ws_frame(0x8A, $payload));
            } elseif ($opcode === 0xA) {
                continue;
            } elseif ($plen > 0 && $payload[0] === 'B') {
                $frame = ws_frame($b0, $payload);
                foreach ($open as $other) {
                    if ($other !== $conn) {
                        $other->write($frame);
                    }
                }
            } else {
                $conn->write(ws_frame($b0, $payload));
            }
        }
        $buf = $off === $len ? '' : (string) substr($buf, $off);
    });
    $conn->on('close', function () use ($conn, $open) {
        $open->detach($conn);
    });
    $conn->on('error', function () {
    });
});
$server->on('error', function (\Throwable $e) {
    fwrite(STDERR, "react: " . $e->getMessage() . "\n");
});
echo "LISTENING 127.0.0.1:", parse_url((string) $server->getAddress(), PHP_URL_PORT), "\n";

<?php
/*
 * The chat demo's WebSocket side: every message a browser sends is broadcast
 * to every other open tab, with who is here kept up to date.
 * Started by ./scripts/demo, which also serves index.html.
 */
use Async\Loop;
use Async\WebSocketServer;
use Async\WebSocket\Connection;
use Async\WebSocket\Listener;

final class Chat implements Listener
{
    /** @var WebSocketServer */
    public $server;
    /** @var array<int, string> */
    private $names = [];

    public function onOpen(Connection $c): void
    {
        $name = preg_replace('/[^\w -]/u', '', (string) ($c->request()->query()['name'] ?? '')) ?: "guest{$c->id()}";
        $this->names[$c->id()] = mb_substr($name, 0, 24);
        $this->announce("{$this->names[$c->id()]} joined");
    }

    public function onMessage(Connection $c, string $data, bool $binary): void
    {
        if ($binary || trim($data) === '') {
            return;
        }
        $this->server->broadcast(json_encode([
            'type' => 'message',
            'from' => $this->names[$c->id()],
            'text' => mb_substr($data, 0, 2000),
        ]));
    }

    public function onClose(Connection $c, int $code, string $reason): void
    {
        $name = $this->names[$c->id()] ?? 'someone';
        unset($this->names[$c->id()]);
        $this->announce("$name left");
    }

    public function onError(Connection $c, Throwable $e): void
    {
        fwrite(STDERR, "connection {$c->id()}: {$e->getMessage()}\n");
    }

    private function announce(string $text): void
    {
        $this->server->broadcast(json_encode([
            'type' => 'presence',
            'text' => $text,
            'here' => array_values($this->names),
        ]));
    }
}

$port = (int) (getenv('ASYNC_DEMO_WS_PORT') ?: 8081);
$chat = new Chat();
$chat->server = new WebSocketServer("tcp://127.0.0.1:$port", $chat);
$chat->server->start();
fwrite(STDERR, "WebSocket server on ws://{$chat->server->address()}/ (Ctrl-C stops)\n");

Loop::onSignal(SIGINT, function () use ($chat) {
    $chat->server->stop(1.0)->then(function () { Loop::stop(); });
});
Loop::onSignal(SIGTERM, function () use ($chat) {
    $chat->server->stop(1.0)->then(function () { Loop::stop(); });
});
Loop::run();

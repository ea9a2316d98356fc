--TEST--
Async\Loop: a shutdown function can run the loop; watchers left at shutdown (script, shutdown function, destructor) are freed without running
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

class LeavesWatchers {
    public function __destruct() {
        echo "destructor leaves watchers\n";
        [$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
        fwrite($w, "x");
        Loop::defer(function () { echo "never: defer\n"; });
        Loop::delay(0, function () { echo "never: delay\n"; });
        Loop::onReadable($r, function () { echo "never: readable\n"; });
        Loop::onWritable($w, function () { echo "never: writable\n"; });
        Loop::onSignal(defined('SIGUSR2') ? SIGUSR2 : 12, function () { echo "never: signal\n"; });
    }
}
register_shutdown_function(function () {
    echo "shutdown function runs the loop\n";
    Loop::defer(function () { echo "defer in the shutdown function\n"; });
    Loop::run();
    echo "shutdown function leaves watchers\n";
    Loop::repeat(0.001, function () { echo "never: repeat\n"; });
    Loop::defer(function () { echo "never: defer\n"; });
});
$leaves = new LeavesWatchers; // destroyed after the shutdown functions
Loop::unreference(Loop::delay(5, function () { echo "never: unreferenced delay\n"; }));
Loop::run();
echo "end of script\n";
?>
--EXPECT--
end of script
shutdown function runs the loop
defer in the shutdown function
shutdown function leaves watchers
destructor leaves watchers

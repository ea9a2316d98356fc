--TEST--
Async\Loop: a destructor called at shutdown can still run the loop
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

class RunsTheLoop {
    public function __destruct() {
        echo "destructor runs the loop\n";
        Loop::defer(function () { echo "defer from the destructor\n"; });
        Loop::delay(0.01, function () { echo "delay from the destructor\n"; });
        Loop::run();
        echo "destructor's run() returned\n";
    }
}
$runs = new RunsTheLoop;
Loop::defer(function () { echo "defer in the script\n"; });
Loop::run();
echo "end of script\n";
?>
--EXPECT--
defer in the script
end of script
destructor runs the loop
defer from the destructor
delay from the destructor
destructor's run() returned

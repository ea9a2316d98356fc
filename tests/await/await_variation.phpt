--TEST--
Async\await() at top level: Loop::stop() from a callback is not reported as a deadlock while work remains
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\AsyncError;
use Async\Loop;
use function Async\await;
use function Async\delay;

// stop() asks Loop::run() to return. An await that is interrupted by it may
// go on waiting or throw, but a timer is still pending: "ran out of work" /
// "Deadlock" would send the user looking for the wrong bug.
Loop::defer(function () { Loop::stop(); });
try {
    $v = await(delay(0.01));
    $outcome = $v === null ? "acceptable: returned the value" : "WRONG: returned " . var_export($v, true);
} catch (AsyncError $e) {
    $claimsDeadlock = strpos($e->getMessage(), "Deadlock") !== false || strpos($e->getMessage(), "ran out of work") !== false;
    $outcome = $claimsDeadlock ? "WRONG: " . $e->getMessage() : "acceptable: threw";
}
echo substr($outcome, 0, 10) === "acceptable" ? "acceptable" : $outcome, "\n";
Loop::run();
echo "done\n";
?>
--EXPECT--
acceptable
done

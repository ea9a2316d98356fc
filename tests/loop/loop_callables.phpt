--TEST--
Async\Loop: every kind of callable works as a callback: closure, function name, [obj, method], Class::method, invokable, __call/__callStatic
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$log = [];
function named_function($id) { $GLOBALS['log'][] = "function(" . func_num_args() . ")"; }
class C {
    public $calls = 0;
    public function method($id) { $GLOBALS['log'][] = "method(" . func_num_args() . ")"; }
    public static function staticMethod($id) { $GLOBALS['log'][] = "staticMethod(" . func_num_args() . ")"; }
    public function __invoke($id) { $GLOBALS['log'][] = "__invoke(" . func_num_args() . ")"; }
    public function __call($name, $args) {
        $this->calls++;
        $GLOBALS['log'][] = "__call($name, " . count($args) . " args, call {$this->calls})";
        if ($this->calls === 3) {
            Loop::cancel($args[0]);
        }
    }
    public static function __callStatic($name, $args) {
        $GLOBALS['log'][] = "__callStatic($name, " . count($args) . " args)";
    }
    private function privateMethod($id) { $GLOBALS['log'][] = "private method"; }
    public function viaClosure() { return Closure::fromCallable([$this, 'privateMethod']); }
}

loop_safety_stop();
$obj = new C;
Loop::defer(function ($id) { $GLOBALS['log'][] = "closure(" . func_num_args() . ")"; });
Loop::defer('named_function');
Loop::defer([$obj, 'method']);
Loop::defer('C::staticMethod');
Loop::defer(['C', 'staticMethod']);
Loop::defer($obj);
Loop::defer(['C', 'undefinedStatic']);
Loop::defer($obj->viaClosure());
Loop::run();
echo implode("\n", $log), "\n";

// A trampoline (__call) called many times by a repeat, and by a stream watcher.
$log = [];
Loop::repeat(0.001, [$obj, 'undefinedMethod']);
Loop::run();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$obj->calls = 0;
Loop::onWritable($w, [$obj, 'onWritableMagic']);
Loop::run();
echo implode("\n", $log), "\n";

// An internal function as the callback.
$id = Loop::defer('var_dump');
Loop::run();
?>
--EXPECTF--
closure(1)
function(1)
method(1)
staticMethod(1)
staticMethod(1)
__invoke(1)
__callStatic(undefinedStatic, 1 args)
private method
__call(undefinedMethod, 1 args, call 1)
__call(undefinedMethod, 1 args, call 2)
__call(undefinedMethod, 1 args, call 3)
__call(onWritableMagic, 2 args, call 1)
__call(onWritableMagic, 2 args, call 2)
__call(onWritableMagic, 2 args, call 3)
string(%d) "%d"

--TEST--
Async\Loop: final, static-only; new Async\Loop is an Error (private constructor)
--EXTENSIONS--
async
--FILE--
<?php
try {
    $loop = new Async\Loop;
    echo "constructed\n";
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$rc = new ReflectionClass('Async\Loop');
var_dump($rc->isFinal(), $rc->isInstantiable(), $rc->getConstructor()->isPrivate());
$nonStatic = [];
foreach ($rc->getMethods() as $m) {
    if (!$m->isStatic() && $m->getName() !== '__construct') {
        $nonStatic[] = $m->getName();
    }
}
var_dump($nonStatic);
$names = array_map(function ($m) { return $m->getName(); }, $rc->getMethods(ReflectionMethod::IS_PUBLIC));
sort($names);
echo implode(" ", $names), "\n";
?>
--EXPECTF--
Error: Call to private Async\Loop::__construct() from %s
bool(true)
bool(false)
bool(true)
array(0) {
}
cancel defer delay disable enable getErrorHandler info now onReadable onSignal onWritable reference repeat run setErrorHandler stop unreference

/* Frames and serialization for the pool: see ipc.h. */
#include "php_async_compat.h"
#include "common/errors.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"
#include "ext/standard/php_var.h"
#include "zend_closures.h"
#include "zend_smart_str.h"

static void fill_header(unsigned char *p, php_async_frame_type type, size_t len)
{
	uint32_t n = (uint32_t) len;

	memcpy(p, &n, 4);
	p[4] = (unsigned char) type;
	p[5] = 'A';
	p[6] = 'P';
	p[7] = 1; /* version */
}

zend_string *php_async_frame_new(php_async_frame_type type, const char *payload, size_t len)
{
	zend_string *f = zend_string_alloc(PHP_ASYNC_FRAME_HEADER + len, 0);

	fill_header((unsigned char *) ZSTR_VAL(f), type, len);
	memcpy(ZSTR_VAL(f) + PHP_ASYNC_FRAME_HEADER, payload, len);
	ZSTR_VAL(f)[PHP_ASYNC_FRAME_HEADER + len] = '\0';
	return f;
}

bool php_async_frame_parse(const unsigned char *hdr, uint8_t *type, size_t *len)
{
	uint32_t n;

	if (hdr[4] < PHP_ASYNC_FRAME_TASK || hdr[4] > PHP_ASYNC_FRAME_READY || hdr[5] != 'A' || hdr[6] != 'P' || hdr[7] != 1) {
		return false;
	}
	memcpy(&n, hdr, 4);
	*type = hdr[4];
	*len = n;
	return true;
}

bool php_async_frame_fits(size_t len)
{
	zend_long limit = PG(memory_limit);
	size_t used;

	if (limit <= 0 || limit == ZEND_LONG_MAX) {
		return true;
	}
	used = zend_memory_usage(0);
	/* the payload, and as much again for what it unserializes to */
	return len <= (size_t) limit && used + 2 * len + 65536 <= (size_t) limit;
}

/* ---- what cannot cross ----------------------------------------------------- */

static bool class_denies_serialization(zend_class_entry *ce)
{
	if (ce == zend_ce_closure) {
		return true;
	}
#if PHP_VERSION_ID >= 80100
	return (ce->ce_flags & ZEND_ACC_NOT_SERIALIZABLE) != 0;
#else
	return ce->serialize == zend_class_serialize_deny;
#endif
}

/* A class that decides itself what is serialized: its properties are not ours to judge. */
static bool class_serializes_itself(zend_class_entry *ce)
{
	return ce->serialize
		|| zend_hash_str_exists(&ce->function_table, "__serialize", sizeof("__serialize") - 1)
		|| zend_hash_str_exists(&ce->function_table, "__sleep", sizeof("__sleep") - 1);
}

static bool find_unsendable(zval *v, smart_str *path, int depth, const char **why, zend_string **detail);

static bool find_in_table(HashTable *ht, smart_str *path, int depth, bool object, const char **why, zend_string **detail)
{
	zend_string *key;
	zend_ulong idx;
	zval *item;
	size_t mark = path->s ? ZSTR_LEN(path->s) : 0;

	ZEND_HASH_FOREACH_KEY_VAL_IND(ht, idx, key, item) { /* properties are INDIRECT */
		if (object && key) {
			const char *cls, *prop;
			size_t prop_len;
			zend_unmangle_property_name_ex(key, &cls, &prop, &prop_len);
			smart_str_appends(path, "->");
			smart_str_appendl(path, prop, prop_len);
		} else if (key) {
			smart_str_appends(path, "['");
			smart_str_append(path, key);
			smart_str_appends(path, "']");
		} else {
			smart_str_appendc(path, '[');
			smart_str_append_long(path, (zend_long) idx);
			smart_str_appendc(path, ']');
		}
		if (find_unsendable(item, path, depth + 1, why, detail)) {
			return true;
		}
		ZSTR_LEN(path->s) = mark;
	} ZEND_HASH_FOREACH_END();
	return false;
}

static bool find_unsendable(zval *v, smart_str *path, int depth, const char **why, zend_string **detail)
{
	bool found = false;

	ZVAL_DEREF(v);
	if (depth > 512) {
		return false; /* serialize() itself will judge what is deeper */
	}
	if (Z_TYPE_P(v) == IS_RESOURCE) {
		const char *type = zend_rsrc_list_get_rsrc_type(Z_RES_P(v));
		*why = "a resource";
		*detail = zend_string_init(type ? type : "closed", strlen(type ? type : "closed"), 0);
		return true;
	}
	if (Z_TYPE_P(v) == IS_ARRAY) {
		HashTable *ht = Z_ARRVAL_P(v);
		if (GC_FLAGS(ht) & GC_IMMUTABLE) {
			return false; /* literals: no resources or objects inside */
		}
		if (GC_IS_RECURSIVE(ht)) {
			return false;
		}
		GC_PROTECT_RECURSION(ht);
		found = find_in_table(ht, path, depth, false, why, detail);
		GC_UNPROTECT_RECURSION(ht);
		return found;
	}
	if (Z_TYPE_P(v) == IS_OBJECT) {
		zend_object *obj = Z_OBJ_P(v);
		if (class_denies_serialization(obj->ce)) {
			*why = "an object that cannot be serialized";
			*detail = zend_string_copy(obj->ce->name);
			return true;
		}
		if (class_serializes_itself(obj->ce) || GC_IS_RECURSIVE(obj)) {
			return false;
		}
		GC_PROTECT_RECURSION(obj);
		found = find_in_table(Z_OBJPROP_P(v), path, depth, true, why, detail);
		GC_UNPROTECT_RECURSION(obj);
	}
	return found;
}

static void throw_unsendable(const char *what, const char *reason)
{
	zval ex;
	php_async_exception_new(&ex, php_async_serialization_exception_ce, "%s cannot be sent to another process: %s", what, reason);
	zend_throw_exception_object(&ex);
}

zend_string *php_async_ipc_serialize(php_async_frame_type type, zval *value, const char *root, const char *what)
{
	php_serialize_data_t data;
	smart_str path = {0}, buf = {0};
	const char *why = NULL;
	zend_string *detail = NULL;

	smart_str_appends(&path, root);
	if (find_unsendable(value, &path, 0, &why, &detail)) {
		zend_string *reason;
		smart_str_0(&path);
		reason = zend_strpprintf(0, "%s holds %s (%s)", ZSTR_VAL(path.s), why, ZSTR_VAL(detail));
		throw_unsendable(what, ZSTR_VAL(reason));
		zend_string_release(reason);
		zend_string_release(detail);
		smart_str_free(&path);
		return NULL;
	}
	smart_str_free(&path);

	smart_str_appendl(&buf, "\0\0\0\0\0\0\0\0", PHP_ASYNC_FRAME_HEADER);
	PHP_VAR_SERIALIZE_INIT(data);
	php_var_serialize(&buf, value, &data);
	PHP_VAR_SERIALIZE_DESTROY(data);
	if (EG(exception)) {
		zval previous;
		smart_str_free(&buf);
		if (!php_async_take_exception(&previous)) {
			return NULL;
		}
		{
			zend_string *m = php_async_exception_message(&previous);
			throw_unsendable(what, ZSTR_VAL(m));
			zend_string_release(m);
			zend_exception_set_previous(EG(exception), Z_OBJ(previous));
		}
		return NULL;
	}
	if (ZSTR_LEN(buf.s) - PHP_ASYNC_FRAME_HEADER > PHP_ASYNC_FRAME_MAX) {
		zend_string *reason = zend_strpprintf(0, "it serializes to %zu bytes, more than the 4 GiB a frame can hold",
			ZSTR_LEN(buf.s) - PHP_ASYNC_FRAME_HEADER);
		smart_str_free(&buf);
		throw_unsendable(what, ZSTR_VAL(reason));
		zend_string_release(reason);
		return NULL;
	}
	smart_str_0(&buf);
	fill_header((unsigned char *) ZSTR_VAL(buf.s), type, ZSTR_LEN(buf.s) - PHP_ASYNC_FRAME_HEADER);
	return buf.s;
}

bool php_async_ipc_unserialize(const char *data, size_t len, zval *out)
{
	php_unserialize_data_t var_hash;
	const unsigned char *p = (const unsigned char *) data;
	bool ok;

	PHP_VAR_UNSERIALIZE_INIT(var_hash);
	ok = php_var_unserialize(out, &p, p + len, &var_hash);
	PHP_VAR_UNSERIALIZE_DESTROY(var_hash);
	if (!ok || EG(exception)) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		if (!EG(exception)) {
			zval ex;
			php_async_exception_new(&ex, php_async_serialization_exception_ce,
				"A value from another process could not be unserialized (%zu bytes, error at offset %zu)",
				len, (size_t) (p - (const unsigned char *) data));
			zend_throw_exception_object(&ex);
		}
		return false;
	}
	return true;
}

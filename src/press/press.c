/* press.c - the print pass over a whole document: every page's content and
 * pictures made CMYK, the boxes, the output intent, the identification
 * ISO 15930 asks for, and a deterministic write (qpdf: the /ID is a digest
 * of the content, so identical input still gives identical bytes).
 */
#include <lcms2.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press/images.h"
#include "press/marks.h"
#include "press/press_int.h"
#include "press/spaces.h"

/* Characterisations in the ICC's registry that a plant knows by name. */
static const char *const registered[][2] = {
	{"IFRA26", "ISO 12647-3:2013 coldset offset newspaper, 26% tone value increase"},
	{"IFRA30", "ISO 12647-3:2004 coldset offset newspaper, 30% tone value increase"},
	{"FOGRA39", "ISO 12647-2:2004 offset, coated paper (PC1), 60/cm"},
	{"FOGRA47", "ISO 12647-2:2004 offset, uncoated white paper (PC5)"},
	{"FOGRA51", "ISO 12647-2:2013 offset, premium coated paper (PS1)"},
	{"FOGRA52", "ISO 12647-2:2013 offset, wood-free uncoated paper (PS5)"},
	{"CGATS TR 001", "SWOP (publication) printing in the United States, grade 5 paper"},
	{"CGATS TR 006", "GRACoL coated #1 paper"},
	{"CGATS TR 003", "Coldset newspaper printing in the United States (SNAP)"},
};

const char *np_press_registered(const char *condition)
{
	for (size_t i = 0; condition && i < sizeof registered / sizeof *registered; i++)
		if (!strcmp(registered[i][0], condition))
			return registered[i][1];
	return NULL;
}

struct np_press_ink *np_press_layout_inks(const struct np_layout *l, size_t *n)
{
	struct np_press_ink *v = calloc(NP_ST_COUNT, sizeof *v);
	*n = 0;
	for (int i = 0; v && i < NP_ST_COUNT; i++) {
		const struct np_style *s = &l->styles[i];
		if (s->color_kind == NP_COLOR_RGB)
			continue;
		memcpy(v[*n].rgb, s->color, sizeof s->color);
		memcpy(v[*n].cmyk, s->cmyk, sizeof s->cmyk);
		(*n)++;
	}
	return v;
}

struct picture {
	unsigned char *print; /* fingerprint() */
	size_t n;
	qpdf_oh obj;
};

struct pass {
	qpdf_data q;
	const struct np_press_opts *o;
	struct np_colour *colour;
	qpdf_oh states[4];     /* /NPo00 .. /NPo11 */
	int *done;             /* object numbers of XObjects converted */
	size_t ndone, capdone;
	struct picture *pics;  /* pictures converted */
	size_t npics;
	char *err;
	size_t errn;
};

static int failed(struct pass *p, const char *what)
{
	if (qpdf_has_error(p->q)) {
		qpdf_error e = qpdf_get_error(p->q);
		snprintf(p->err, p->errn, "%s: %s", what, qpdf_get_error_full_text(p->q, e));
		return 1;
	}
	return 0;
}

/* Each XObject once, however many pages show it. */
static int seen(struct pass *p, qpdf_oh x)
{
	int id = qpdf_oh_get_object_id(p->q, x);
	for (size_t i = 0; id && i < p->ndone; i++)
		if (p->done[i] == id)
			return 1;
	if (!id)
		return 0;
	if (p->ndone == p->capdone) {
		size_t cap = p->capdone ? p->capdone * 2 : 32;
		int *v = realloc(p->done, cap * sizeof *v);
		if (!v)
			return 0;
		p->done = v;
		p->capdone = cap;
	}
	p->done[p->ndone++] = id;
	return 0;
}

/* A resource dictionary's sub-dictionary, made if missing. */
static qpdf_oh subdict(qpdf_data q, qpdf_oh res, const char *key)
{
	qpdf_oh d = qpdf_oh_get_key(q, res, key);
	if (!qpdf_oh_is_dictionary(q, d)) {
		d = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, key, d);
	}
	return d;
}

/* The overprint states the new content names; X-1a (PDF 1.3) has no
 * constant alpha, and Cairo's opaque one (/CA 1) is dropped. */
static int graphic_states(struct pass *p, qpdf_oh res)
{
	qpdf_data q = p->q;
	qpdf_oh gs = subdict(q, res, "/ExtGState");
	qpdf_oh_begin_dict_key_iter(q, gs);
	char keys[64][32];
	int n = 0;
	while (qpdf_oh_dict_more_keys(q) && n < 64)
		snprintf(keys[n++], sizeof keys[0], "%s", qpdf_oh_dict_next_key(q));
	for (int i = 0; i < n && p->o->pdfx == NP_PDFX_1A; i++) {
		qpdf_oh s = qpdf_oh_get_key(q, gs, keys[i]);
		const char *alpha[] = {"/CA", "/ca"};
		for (int a = 0; a < 2; a++) {
			qpdf_oh v = qpdf_oh_get_key(q, s, alpha[a]);
			if (qpdf_oh_is_number(q, v) && qpdf_oh_get_numeric_value(q, v) < 1) {
				snprintf(p->err, p->errn, "PDF/X-1a allows no transparency, and a "
					 "page draws with some (--debug?)");
				return -1;
			}
			qpdf_oh_remove_key(q, s, alpha[a]);
		}
	}
	for (int i = 0; i < 4; i++) {
		char name[8];
		snprintf(name, sizeof name, "/NPo%d%d", i >> 1, i & 1);
		qpdf_oh_replace_key(q, gs, name, p->states[i]);
	}
	return 0;
}

static int resources(struct pass *p, qpdf_oh res);

/* New stream data, Flate-compressed here at level 1: on the edition's 12
 * pages level 6 makes the contents 7 KB smaller (75 KB against 82) for three
 * times the time, and the profile barely smaller. -1 when out of memory. */
static int put(struct pass *p, qpdf_oh s, const unsigned char *data, size_t n)
{
	size_t len = 0;
	unsigned char *z = np_press_deflate(data, n, 1, &len);
	if (!z) {
		snprintf(p->err, p->errn, "out of memory");
		return -1;
	}
	qpdf_oh_replace_stream_data(p->q, s, z, len, qpdf_oh_new_name(p->q, "/FlateDecode"),
				    qpdf_oh_new_null(p->q));
	free(z);
	return 0;
}

/* A content stream made CMYK; framed (page) adds the shift into the box
 * with the bleed and the marks. */
static int content(struct pass *p, const unsigned char *in, size_t n, struct np_buf *out)
{
	return np_press_content(in, n, p->colour, out, p->err, p->errn);
}

static int form(struct pass *p, qpdf_oh x)
{
	qpdf_data q = p->q;
	unsigned char *buf = NULL;
	size_t n = 0;
	if (qpdf_oh_get_stream_data(q, x, qpdf_dl_generalized, NULL, &buf, &n) & QPDF_ERRORS) {
		free(buf);
		snprintf(p->err, p->errn, "a form cannot be read");
		return -1;
	}
	qpdf_oh d = qpdf_oh_get_dict(q, x);
	qpdf_oh res = qpdf_oh_get_key(q, d, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, d, "/Resources", res);
	}
	/* a placed PDF's own named spaces (press/spaces.h) */
	struct np_named_space spaces[32];
	size_t nspaces = np_press_named_spaces(q, res, spaces, sizeof spaces / sizeof *spaces);
	struct np_buf out = {0};
	int rc = np_press_content_spaces(buf, n, p->colour, spaces, nspaces, &out, p->err,
					 p->errn);
	free(buf);
	if (rc == 0) {
		qpdf_oh_remove_key(q, d, "/DecodeParms");
		rc = put(p, x, out.p, out.n);
	}
	free(out.p);
	if (rc < 0)
		return -1;
	np_press_drop_spaces(q, res, spaces, nspaces);
	if (p->o->pdfx == NP_PDFX_1A)
		qpdf_oh_remove_key(q, d, "/Group");
	else if (qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, d, "/Group")))
		qpdf_oh_replace_key(q, qpdf_oh_get_key(q, d, "/Group"), "/CS",
				    qpdf_oh_new_name(q, "/DeviceCMYK"));
	return resources(p, res);
}

/* What makes two pictures the same: their dictionaries' geometry and
 * filters, their bytes and their masks' bytes (malloc'd; NULL on failure). */
static unsigned char *fingerprint(qpdf_data q, qpdf_oh x, size_t *len)
{
	struct np_buf b = {0};
	qpdf_oh d = qpdf_oh_get_dict(q, x);
	const char *keys[] = {"/Width", "/Height", "/BitsPerComponent", "/ColorSpace", "/Filter",
			      "/Decode", "/DecodeParms", "/Interpolate"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		np_buf_str(&b, qpdf_oh_unparse(q, qpdf_oh_get_key(q, d, keys[i])));
		np_buf_add(&b, "", 1);
	}
	qpdf_oh streams[2] = {x, qpdf_oh_get_key(q, d, "/SMask")};
	for (int i = 0; i < 2; i++) {
		unsigned char *raw = NULL;
		size_t n = 0;
		if (qpdf_oh_is_stream(q, streams[i]) &&
		    !(qpdf_oh_get_stream_data(q, streams[i], qpdf_dl_none, NULL, &raw, &n) &
		      QPDF_ERRORS)) {
			char sz[32];
			snprintf(sz, sizeof sz, "%zu:", n);
			np_buf_str(&b, sz);
			np_buf_add(&b, raw, n);
		}
		free(raw);
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	*len = b.n;
	return b.p;
}

/* Cairo writes a picture shown on three pages three times: it is converted
 * once and the pages share it. The earlier picture, or 0. */
static qpdf_oh same_picture(struct pass *p, qpdf_oh x)
{
	size_t n = 0;
	unsigned char *f = fingerprint(p->q, x, &n);
	if (!f)
		return 0;
	for (size_t i = 0; i < p->npics; i++)
		if (p->pics[i].n == n && !memcmp(p->pics[i].print, f, n)) {
			free(f);
			return p->pics[i].obj;
		}
	struct picture *v = realloc(p->pics, (p->npics + 1) * sizeof *v);
	if (!v) {
		free(f);
		return 0;
	}
	p->pics = v;
	p->pics[p->npics++] = (struct picture){f, n, x};
	return 0;
}

/* A placed PDF (np_place_pdf names it /NpPlacedN) that drew in RGB is told
 * to the caller: --strict makes it an error of the ad, not of the layout. */
static void placed_rgb(struct pass *p, const char *name, unsigned long before)
{
	const char *prefix = "/NpPlaced";
	char *end;
	if (!p->o->placed_rgb || strncmp(name, prefix, strlen(prefix)) ||
	    np_colour_rgb_count(p->colour) == before)
		return;
	unsigned long n = strtoul(name + strlen(prefix), &end, 10);
	if (end != name + strlen(prefix) && !*end)
		p->o->placed_rgb(p->o->ctx, n);
}

static int resources(struct pass *p, qpdf_oh res)
{
	qpdf_data q = p->q;
	if (graphic_states(p, res) < 0)
		return -1;
	qpdf_oh xo = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, xo))
		return 0;
	char names[256][64];
	int n = 0;
	qpdf_oh_begin_dict_key_iter(q, xo);
	while (qpdf_oh_dict_more_keys(q) && n < 256)
		snprintf(names[n++], sizeof names[0], "%s", qpdf_oh_dict_next_key(q));
	for (int i = 0; i < n; i++) {
		qpdf_oh x = qpdf_oh_get_key(q, xo, names[i]);
		if (!qpdf_oh_is_stream(q, x) || seen(p, x))
			continue;
		qpdf_oh d = qpdf_oh_get_dict(q, x);
		qpdf_oh sub = qpdf_oh_get_key(q, d, "/Subtype");
		int rc = 0;
		if (qpdf_oh_is_name_and_equals(q, sub, "/Image")) {
			qpdf_oh same = same_picture(p, x);
			if (same)
				qpdf_oh_replace_key(q, xo, names[i], same);
			else
				rc = np_press_image(q, x, p->colour, p->o->pdfx, p->err, p->errn);
		} else if (qpdf_oh_is_name_and_equals(q, sub, "/Form")) {
			unsigned long before = np_colour_rgb_count(p->colour);
			rc = form(p, x);
			placed_rgb(p, names[i], before);
		}
		/* the image's SMask is an image too: grey, left as it is */
		if (rc < 0)
			return -1;
	}
	return 0;
}

static qpdf_oh box(qpdf_data q, double x0, double y0, double x1, double y1)
{
	char s[160];
	struct np_buf b = {0};
	double v[4] = {x0, y0, x1, y1};
	np_buf_str(&b, "[");
	for (int i = 0; i < 4; i++) {
		np_buf_num(&b, v[i]);
		np_buf_str(&b, i < 3 ? " " : "]");
	}
	snprintf(s, sizeof s, "%.*s", (int)b.n, b.oom ? "[0 0 0 0]" : (const char *)b.p);
	free(b.p);
	return qpdf_oh_parse(q, s);
}

static int page(struct pass *p, qpdf_oh pg)
{
	qpdf_data q = p->q;
	qpdf_oh mb = qpdf_oh_get_key(q, pg, "/MediaBox");
	double v[4] = {0, 0, 0, 0};
	for (int i = 0; i < 4 && qpdf_oh_is_array(q, mb); i++)
		v[i] = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, mb, i));
	double w = v[2] - v[0], h = v[3] - v[1], b = p->o->bleed;
	double off = b + (p->o->crop_marks ? np_press_slug() : 0);
	unsigned char *buf = NULL;
	size_t n = 0;
	if (qpdf_oh_get_page_content_data(q, pg, &buf, &n) & QPDF_ERRORS) {
		free(buf);
		return failed(p, "a page's content"), -1;
	}
	struct np_buf out = {0};
	np_buf_str(&out, "q 1 0 0 1 ");
	np_buf_num(&out, off - v[0]);
	np_buf_str(&out, " ");
	np_buf_num(&out, off - v[1]);
	np_buf_str(&out, " cm\n");
	int rc = content(p, buf, n, &out);
	free(buf);
	np_buf_str(&out, "\nQ\n");
	if (p->o->crop_marks)
		np_press_marks(&out, off, w, h, b);
	if (rc == 0 && out.oom)
		rc = -1, snprintf(p->err, p->errn, "out of memory");
	if (rc == 0) {
		qpdf_oh s = qpdf_oh_new_stream(q);
		rc = put(p, s, out.p, out.n);
		qpdf_oh_replace_key(q, pg, "/Contents", s);
	}
	free(out.p);
	if (rc < 0)
		return -1;
	qpdf_oh_replace_key(q, pg, "/MediaBox", box(q, 0, 0, w + 2 * off, h + 2 * off));
	qpdf_oh_replace_key(q, pg, "/TrimBox", box(q, off, off, off + w, off + h));
	qpdf_oh_replace_key(q, pg, "/BleedBox", box(q, off - b, off - b, off + w + b, off + h + b));
	qpdf_oh_remove_key(q, pg, "/CropBox");
	qpdf_oh grp = qpdf_oh_get_key(q, pg, "/Group");
	if (p->o->pdfx == NP_PDFX_1A)
		qpdf_oh_remove_key(q, pg, "/Group");
	else if (qpdf_oh_is_dictionary(q, grp))
		qpdf_oh_replace_key(q, grp, "/CS", qpdf_oh_new_name(q, "/DeviceCMYK"));
	qpdf_oh res = qpdf_oh_get_key(q, pg, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, pg, "/Resources", res);
	}
	return resources(p, res);
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n == cap) {
			unsigned char *b = realloc(buf, cap = cap ? cap * 2 : 65536);
			if (!b) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	*len = n;
	return buf;
}

/* The profile's own description, for /Info when the condition is Custom. */
static void profile_description(const unsigned char *icc, size_t n, char *out, size_t outn)
{
	cmsHPROFILE h = cmsOpenProfileFromMem(icc, (cmsUInt32Number)n);
	out[0] = 0;
	if (h) {
		cmsGetProfileInfoASCII(h, cmsInfoDescription, "en", "US", out,
				       (cmsUInt32Number)outn);
		cmsCloseProfile(h);
	}
	if (!out[0])
		snprintf(out, outn, "Custom");
}

static int output_intent(struct pass *p)
{
	qpdf_data q = p->q;
	const char *cond = p->o->condition;
	const char *known = np_press_registered(cond);
	qpdf_oh oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFX >>");
	char info[256];
	snprintf(info, sizeof info, "%s", known ? known : "");
	if (p->o->profile) {
		size_t n = 0;
		unsigned char *icc = read_file(p->o->profile, &n);
		if (!icc) {
			snprintf(p->err, p->errn, "cannot read the output profile '%s'", p->o->profile);
			return -1;
		}
		if (!known)
			profile_description(icc, n, info, sizeof info);
		qpdf_oh s = qpdf_oh_new_stream(q);
		int rc = put(p, s, icc, n);
		free(icc);
		if (rc < 0)
			return -1;
		qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, s), "/N", qpdf_oh_new_integer(q, 4));
		qpdf_oh_replace_key(q, oi, "/DestOutputProfile", s);
	}
	qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier",
			    qpdf_oh_new_unicode_string(q, cond ? cond : "Custom"));
	qpdf_oh_replace_key(q, oi, "/OutputCondition", qpdf_oh_new_unicode_string(q, info));
	qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_unicode_string(q, info));
	if (known)
		qpdf_oh_replace_key(q, oi, "/RegistryName",
				    qpdf_oh_new_string(q, "http://www.color.org"));
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, qpdf_make_indirect_object(q, oi));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", arr);
	return 0;
}

/* "20241015000000" or "D:2024..." from Cairo -> the 14 digits. */
static void digits14(const char *s, char out[15])
{
	int n = 0;
	for (; s && *s && n < 14; s++)
		if (*s >= '0' && *s <= '9')
			out[n++] = *s;
	for (; n < 14; n++)
		out[n] = n == 5 || n == 7 ? '1' : '0'; /* missing parts: Jan 1, 00:00 */
	out[14] = 0;
}

static void xml_escaped(struct np_buf *b, const char *s)
{
	for (; s && *s; s++)
		if (*s == '<')
			np_buf_str(b, "&lt;");
		else if (*s == '>')
			np_buf_str(b, "&gt;");
		else if (*s == '&')
			np_buf_str(b, "&amp;");
		else
			np_buf_add(b, s, 1);
}

/* XMP (ISO 15930-7 wants it, with the version and the document's ids). The
 * ids come from a digest of Cairo's bytes: the same input, the same ids. */
static void xmp(struct pass *p, const char *title, const char *date, const char *producer,
		const char *id)
{
	qpdf_data q = p->q;
	char iso[32];
	snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", date, date + 4, date + 6,
		 date + 8, date + 10, date + 12);
	struct np_buf b = {0};
	np_buf_str(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		       "<rdf:Description rdf:about=\"\"\n"
		       " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		       " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		       " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		       " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
		       " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
		       "<dc:format>application/pdf</dc:format>\n"
		       "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_escaped(&b, title);
	np_buf_str(&b, "</rdf:li></rdf:Alt></dc:title>\n<xmp:CreateDate>");
	np_buf_str(&b, iso);
	np_buf_str(&b, "</xmp:CreateDate>\n<xmp:ModifyDate>");
	np_buf_str(&b, iso);
	np_buf_str(&b, "</xmp:ModifyDate>\n<xmp:MetadataDate>");
	np_buf_str(&b, iso);
	np_buf_str(&b, "</xmp:MetadataDate>\n<xmp:CreatorTool>newsprint</xmp:CreatorTool>\n"
		       "<pdf:Producer>");
	xml_escaped(&b, producer);
	np_buf_str(&b, "</pdf:Producer>\n<pdf:Trapped>False</pdf:Trapped>\n<xmpMM:DocumentID>uuid:");
	np_buf_str(&b, id);
	np_buf_str(&b, "</xmpMM:DocumentID>\n<xmpMM:InstanceID>uuid:");
	np_buf_str(&b, id);
	np_buf_str(&b, "</xmpMM:InstanceID>\n<xmpMM:VersionID>1</xmpMM:VersionID>\n"
		       "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
		       "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
		       "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, b.p, b.n, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	free(b.p);
	qpdf_oh d = qpdf_oh_get_dict(q, s);
	qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, d, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", s);
}

/* A 128-bit FNV-1a-like digest as a UUID (not for security: a stable name). */
static void digest_uuid(const unsigned char *in, size_t n, char out[37])
{
	unsigned long long a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
	for (size_t i = 0; i < n; i++) {
		a = (a ^ in[i]) * 0x100000001b3ULL;
		b = (b ^ in[n - 1 - i]) * 0x100000001b3ULL;
	}
	snprintf(out, 37, "%08llx-%04llx-%04llx-%04llx-%012llx", a >> 32, (a >> 16) & 0xffff,
		 a & 0xffff, b >> 48, b & 0xffffffffffffULL);
}

static void identification(struct pass *p, const unsigned char *in, size_t n)
{
	qpdf_data q = p->q;
	qpdf_oh tr = qpdf_get_trailer(q);
	qpdf_oh info = qpdf_oh_get_key(q, tr, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, tr, "/Info", info);
	}
	qpdf_oh t = qpdf_oh_get_key(q, info, "/Title");
	const char *title = qpdf_oh_is_string(q, t) ? qpdf_oh_get_utf8_value(q, t) : NULL;
	char *title_copy = strdup(title && *title ? title : p->o->title ? p->o->title : "Untitled");
	if (!qpdf_oh_is_string(q, t) || !title || !*title)
		qpdf_oh_replace_key(q, info, "/Title",
				    qpdf_oh_new_unicode_string(q, title_copy ? title_copy : ""));
	char date[15], pdfdate[40];
	digits14(qpdf_get_info_key(q, "/CreationDate"), date);
	snprintf(pdfdate, sizeof pdfdate, "D:%s+00'00'", date);
	qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, pdfdate));
	qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, pdfdate));
	qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"));
	if (p->o->pdfx == NP_PDFX_1A) {
		qpdf_oh_replace_key(q, info, "/GTS_PDFXVersion", qpdf_oh_new_string(q, "PDF/X-1:2001"));
		qpdf_oh_replace_key(q, info, "/GTS_PDFXConformance",
				    qpdf_oh_new_string(q, "PDF/X-1a:2001"));
	} else {
		qpdf_oh_replace_key(q, info, "/GTS_PDFXVersion", qpdf_oh_new_string(q, "PDF/X-4"));
		const char *prod = qpdf_get_info_key(q, "/Producer");
		char *producer = strdup(prod ? prod : "newsprint");
		char id[37];
		digest_uuid(in, n, id);
		xmp(p, title_copy, date, producer, id);
		free(producer);
	}
	free(title_copy);
}

static int finish(struct pass *p, unsigned char **out, size_t *outn)
{
	qpdf_data q = p->q;
	if (failed(p, "the print pass") || (qpdf_init_write_memory(q) & QPDF_ERRORS))
		return -1;
	qpdf_set_object_stream_mode(q, qpdf_o_disable);
	qpdf_set_compress_streams(q, QPDF_TRUE);
	/* Cairo's streams are copied as they are: recompressing costs time */
	qpdf_set_decode_level(q, qpdf_dl_none);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_force_pdf_version(q, p->o->pdfx == NP_PDFX_1A ? "1.3" : "1.6");
	if (qpdf_write(q) & QPDF_ERRORS)
		return failed(p, "writing the PDF"), -1;
	*outn = qpdf_get_buffer_length(q);
	*out = malloc(*outn ? *outn : 1);
	if (!*out) {
		snprintf(p->err, p->errn, "out of memory");
		return -1;
	}
	memcpy(*out, qpdf_get_buffer(q), *outn);
	return 0;
}

int np_press_run(const unsigned char *in, size_t n, const struct np_press_opts *o,
		 unsigned char **out, size_t *outn, char *err, size_t errn)
{
	struct pass p = {.o = o, .err = err, .errn = errn};
	*out = NULL;
	*outn = 0;
	err[0] = 0;
	if (!o->profile && !(o->pdfx == NP_PDFX_1A && np_press_registered(o->condition))) {
		snprintf(err, errn, o->pdfx == NP_PDFX_4 ? "PDF/X-4 needs an output profile "
			 "(--output-profile FILE.icc)" : "PDF/X-1a needs an output profile "
			 "(--output-profile FILE.icc) or a registered output condition "
			 "(--output-condition IFRA26)");
		return -1;
	}
	if (!(p.colour = np_colour_new(o, err, errn)))
		return -1;
	p.q = qpdf_init();
	qpdf_silence_errors(p.q);
	qpdf_set_suppress_warnings(p.q, QPDF_TRUE);
	int rc = -1;
	if (qpdf_read_memory(p.q, "Cairo's PDF", (const char *)in, (unsigned long long)n, NULL) &
	    QPDF_ERRORS) {
		failed(&p, "reading Cairo's PDF");
		goto done;
	}
	for (int i = 0; i < 4; i++) {
		char s[96];
		snprintf(s, sizeof s, "<< /Type /ExtGState /op %s /OP %s /OPM 1 >>",
			 i >> 1 ? "true" : "false", i & 1 ? "true" : "false");
		p.states[i] = qpdf_make_indirect_object(p.q, qpdf_oh_parse(p.q, s));
	}
	int npages = qpdf_get_num_pages(p.q);
	for (int i = 0; i < npages; i++)
		if (page(&p, qpdf_get_page_n(p.q, (size_t)i)) < 0)
			goto done;
	if (output_intent(&p) < 0)
		goto done;
	identification(&p, in, n);
	rc = finish(&p, out, outn);
done:
	if (rc < 0 && !err[0])
		snprintf(err, errn, "the print pass failed");
	qpdf_cleanup(&p.q);
	np_colour_free(p.colour);
	free(p.done);
	for (size_t i = 0; i < p.npics; i++)
		free(p.pics[i].print);
	free(p.pics);
	return rc;
}

/* images.c - pictures in their frames, from the render's picture cache
 * (pictures.h): a surface of any size is scaled to the frame's picture box
 * and clipped to the frame. */
#include "render/pictures.h"
#include "render/render_int.h"

int np_draw_images(cairo_t *cr, const struct np_page *pg, struct np_pictures *pics)
{
	np_pictures_page(pics, pg->label);
	for (size_t i = 0; i < pg->nframes; i++) {
		const struct np_frame *f = &pg->frames[i];
		if (!f->image)
			continue;
		if (f->image_pdf) {
			if (np_pictures_pdf(pics, cr, f) < 0)
				return -1;
			continue;
		}
		cairo_surface_t *s;
		int again;
		if (np_pictures_get(pics, f->image, &s, &again) < 0)
			return -1;
		if (!s)
			continue;
		int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
		cairo_save(cr);
		cairo_rectangle(cr, f->x, f->clip_y, f->w, f->clip_h);
		cairo_clip(cr);
		if (again)
			cairo_push_group(cr);
		cairo_translate(cr, f->img_x, f->img_y);
		cairo_scale(cr, f->img_w / w, f->img_h / h);
		cairo_set_source_surface(cr, s, 0, 0);
		cairo_paint(cr);
		if (again) {
			cairo_pop_group_to_source(cr);
			cairo_paint(cr);
		}
		cairo_restore(cr);
		cairo_surface_destroy(s);
	}
	return 0;
}

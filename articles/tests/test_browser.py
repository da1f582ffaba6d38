import pytest

from .factories import ArticleFactory, ArticleImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_story_page_renders_in_chromium_without_script_errors(live_server, page):
    """A story page loads in a real browser, shows its headline and raises no errors."""
    story = ArticleFactory(headline="Almaty metro opens two stations")
    ArticleImageFactory(article=story)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + story.get_absolute_url())
    assert page.locator("h1.story__headline").inner_text() == story.headline
    assert page.locator(".story__photo img").evaluate("img => img.naturalWidth") == 64
    assert errors == []


def test_story_page_fits_a_phone_screen(live_server, browser):
    """On a 375-pixel phone screen the story page does not scroll sideways."""
    story = ArticleFactory(headline="A long headline " * 6)
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(live_server.url + story.get_absolute_url())
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth"
    )
    context.close()
    assert overflow <= 0


def test_the_gallery_is_a_strip_to_swipe_on_a_phone(live_server, browser):
    """On a phone, photos after the first form a strip that scrolls sideways by
    itself (the page does not) and answers the arrow keys once focused."""
    story = ArticleFactory(headline="Three photos")
    for order in range(4):
        ArticleImageFactory(article=story, order=order, caption=f"Photo {order}")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(live_server.url + story.get_absolute_url())
    strip = phone.locator(".story__gallery-grid")
    assert strip.evaluate("el => el.scrollWidth > el.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    strip.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function(
        "() => document.querySelector('.story__gallery-grid').scrollLeft > 0"
    )
    context.close()

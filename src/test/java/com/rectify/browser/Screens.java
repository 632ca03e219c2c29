package com.rectify.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Screenshots under target/screenshots: each of the product's pages as a 1280×800 screen and a 390-px-wide phone shows it. */
public final class Screens {

  public static final int DESKTOP_WIDTH = 1280;
  public static final int DESKTOP_HEIGHT = 800;
  public static final int PHONE_WIDTH = 390;
  public static final int PHONE_HEIGHT = 844;

  /**
   * Resolves once the browser has drawn three frames: after a resize, the first lays the page out again and tells
   * Chart.js, which redraws its charts at the next; the third comes after that.
   */
  private static final String FRAMES_DRAWN =
      "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))";

  /**
   * True once no transition or animation with an end is running: Tasklist slides its columns into place over half
   * a second after the window changes size, and a busy machine draws several frames in that time.
   */
  private static final String NOTHING_MOVING = "() => document.getAnimations()"
      + ".every(a => a.playState !== 'running' || a.effect == null || a.effect.getComputedTiming().endTime === Infinity)";

  private Screens() {}

  /** Waits until the page has drawn itself at its new size and nothing on it is still sliding into place. */
  public static void settled(Page page) {
    page.evaluate(FRAMES_DRAWN);
    page.waitForFunction(NOTHING_MOVING);
  }

  public static void desktop(Page page, String folder, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", folder, name + ".png")).setFullPage(true));
  }

  /**
   * The page at both sizes; fails when the phone would have to scroll sideways to read it. The page is left at
   * the desktop size.
   */
  public static void both(Page page, String folder, String name) {
    page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    page.waitForLoadState();
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", folder, name + "-1280x800.png")));
    page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
    page.evaluate(FRAMES_DRAWN);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", folder, name + "-390.png")).setFullPage(true));
    int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    if (width > PHONE_WIDTH) {
      throw new AssertionError(page.url() + " is " + width + " px wide on a " + PHONE_WIDTH + "-px phone");
    }
    page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
  }
}

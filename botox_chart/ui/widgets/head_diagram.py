"""The head-and-neck diagram the injector charts on: four views, one marker per injection site.

The views' artwork and its geometry are ``diagram_art.py``; what each key does is
``diagram_keys.py``; the markers are ``site_marker.py``. This widget puts them together, shows the
chart and reports what the injector does; it never changes the chart itself (the window does,
through its undo stack, and calls :meth:`HeadDiagram.set_chart` again).

Inside the widget (documented in the accessible description too):

- Right / Down, Left / Up: next / previous marker (protocol order, then extra sites; wraps);
  Home / End: first / last. Arrows never change a dose: a slip must not become a medication error.
- Space, Enter: activate the current marker (the window toggles pending/injected).
- ``+`` or ``=``: one step more; ``-``: one step less. The mouse wheel over a marker does the same.
- O: omit the current protocol site (asks why). Delete: remove the current follow-the-pain or
  custom site. Each key does its one thing; on the other kind of site it says which key to use.
- Menu key (or right-click): the marker's context menu.
- Tab / Shift+Tab: the normal focus chain (tabbing in selects the first marker if none is current).

A click activates on press (quick and immune to a gloved finger sliding); a double click counts
once, so an accidental double tap does not toggle a site back. On a read-only chart (signed, or
staff) a click, a charting key, the wheel or the context menu changes nothing and says why
(:attr:`HeadDiagram.refused`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QToolTip,
    QWidget,
)

from botox_chart.chart import Chart, InjectionKind, SiteState, format_units
from botox_chart.i18n import _
from botox_chart.protocol import Point, Protocol, Side
from botox_chart.ui.widgets import diagram_art, site_marker
from botox_chart.ui.widgets.diagram_keys import key_action, omit_hint, remove_hint
from botox_chart.ui.widgets.site_marker import SiteMarker

HIT_SLOP = 4.0
"""A click this far outside a marker's edge still hits it (the nearest marker wins)."""
WHEEL_STEP = 120
"""angleDelta of one wheel notch; touchpads send smaller deltas that add up to a step."""
MINIMUM_WIDTH, MINIMUM_HEIGHT = 200, 250
"""The smallest the diagram asks for (its preferred size is 560x700): it scales to fit."""

FOCUS_FRAME = site_marker.FOCUS_RING


def read_only_text() -> str:
    """The banner over a signed session's diagram."""
    return QCoreApplication.translate("HeadDiagram", "Signed — read only")


def view_only_text() -> str:
    """The banner over a draft shown to someone who does not chart."""
    return QCoreApplication.translate("HeadDiagram", "View only")


class HeadDiagram(QGraphicsView):
    """Every injection site of a session on the four diagram views, for pointer and keyboard."""

    siteActivated = Signal(str)
    """A protocol site was clicked, or Space/Enter pressed on it (site code)."""
    injectionActivated = Signal(str)
    """A follow-the-pain or custom marker was clicked, or Space/Enter pressed on it (key)."""
    unitsStepRequested = Signal(str, int)
    """(marker key, +1 or -1) from the wheel over a marker or +/=/- on the current one."""
    emptyPointClicked = Signal(str, float, float)
    """(view, x, y) in SVG user units: a left click inside a view away from every marker."""
    omitRequested = Signal(str)
    restoreRequested = Signal(str)
    removeRequested = Signal(str)
    wrongKey = Signal(str)
    """O on an added site or Delete on a protocol site: the hint naming the right key."""
    refused = Signal()
    """An attempt to change a read-only chart (a click, a charting key, the wheel, the menu)."""
    currentChanged = Signal(str)
    """The current (focused) marker changed: its key, or "" for none."""

    def __init__(
        self,
        protocol: Protocol,
        parent: QWidget | None = None,
        *,
        popup: Callable[[QMenu, QPoint], None] | None = None,
    ) -> None:
        """``popup`` shows a context menu at a global position (default ``QMenu.popup``); tests
        pass a fake so no menu window opens."""
        super().__init__(parent)
        self._protocol = protocol
        self._popup = popup or _popup
        self._chart = Chart(protocol=protocol)
        self._markers: dict[str, list[SiteMarker]] = {}
        self._order: list[str] = []
        self._extra_keys: list[str] = []
        self._current: str | None = None
        self._hover: str | None = None
        self._read_only = False
        self._wheel_key: str | None = None
        self._wheel_rest = 0
        self._origins = diagram_art.view_origins()

        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self._configure_view()
        diagram_art.add_views(self._scene, self._origins, self.font())
        self._banner = diagram_art.ReadOnlyBanner(self.font(), read_only_text())
        self._scene.addItem(self._banner)
        for site in protocol.sites:
            items = []
            for point in site.positions:
                marker = SiteMarker(site.code)
                marker.setPos(self._scene_point(point))
                self._scene.addItem(marker)
                items.append(marker)
            self._markers[site.code] = items
        self._update_scene_rect()
        self.set_chart(self._chart)

    def _configure_view(self) -> None:
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(QBrush(diagram_art.BACKGROUND))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)  # the view does the hit-testing (nearest marker wins)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(self.tr("Injection site diagram"))
        self.setAccessibleDescription(
            self.tr(
                "Arrow keys: next or previous site. Space or Enter: mark the site. "
                "Plus or minus: change the dose. O: omit a protocol site. Delete: remove an added "
                "site. Menu key: more actions."
            )
        )

    # -- public interface ------------------------------------------------------------------

    def set_chart(self, chart: Chart) -> None:
        """Show ``chart``: states, units, follow-the-pain and custom markers.

        Existing marker items are updated in place (cheap enough to call after every change); the
        current marker stays current if it still exists.
        """
        if chart.protocol.code != self._protocol.code:
            raise ValueError(
                f"The diagram shows {self._protocol.name}; the chart uses {chart.protocol.name}."
            )
        self._chart = chart
        numbers = chart.site_numbers()
        for site in self._protocol.sites:
            state = chart.state_of(site.code)
            injection = chart.injection_at(site.code)
            units = injection.units if injection is not None else site.units
            text = "" if state is SiteState.OMITTED else format_units(units)
            reason = chart.omissions.get(site.code, "")
            tooltip = self._tooltip(
                numbers[site.code], site.label, site.muscle, site.side, units, state, reason
            )
            for marker in self._markers[site.code]:
                marker.update_look(state.value, text, tooltip)

        extras: list[str] = []
        for injection in chart.injections:
            protocol_site = injection.kind is InjectionKind.PROTOCOL
            if protocol_site or injection.point.view not in diagram_art.VIEW_CELLS:
                continue
            kind = (
                site_marker.FOLLOW_THE_PAIN
                if injection.kind is InjectionKind.FOLLOW_THE_PAIN
                else site_marker.CUSTOM
            )
            if injection.key in self._markers:
                marker = self._markers[injection.key][0]
            else:
                marker = SiteMarker(injection.key, kind)
                self._scene.addItem(marker)
                self._markers[injection.key] = [marker]
            marker.setPos(self._scene_point(injection.point))
            tooltip = self._tooltip(
                numbers[injection.key],
                injection.label,
                injection.muscle,
                injection.side,
                injection.units,
                kind,
            )
            marker.update_look(kind, format_units(injection.units), tooltip)
            extras.append(injection.key)
        for key in self._extra_keys:
            if key not in extras:
                for marker in self._markers.pop(key):
                    self._scene.removeItem(marker)
        self._extra_keys = extras
        self._order = [site.code for site in self._protocol.sites] + extras
        site_marker.fit_radii(self._all_markers())
        if self._hover is not None and self._hover not in self._markers:
            self._hover = None
        if self._current is not None and self._current not in self._markers:
            self.set_current(None)

    def set_read_only(self, read_only: bool, reason: str | None = None) -> None:
        """A signed session (or a viewer who does not chart): shown as charted, browsable, but
        no signal but currentChanged. ``reason`` is the banner's text (None: signed, read only)."""
        reason = reason if reason is not None else read_only_text()
        if self._banner.text.text() != reason:
            self._banner.set_words(reason)
        if read_only == self._read_only:
            return
        self._read_only = read_only
        self._banner.setVisible(read_only)
        self._set_hover(None)
        self.viewport().unsetCursor()
        self._update_scene_rect()
        self._fit()

    def is_read_only(self) -> bool:
        return self._read_only

    def current_key(self) -> str | None:
        return self._current

    def set_current(self, key: str | None) -> None:
        """Make ``key`` the current marker (None: no marker); KeyError if it is not shown."""
        if key is not None and key not in self._markers:
            raise KeyError(key)
        if key == self._current:
            return
        for marker in self._markers.get(self._current or "", []):
            marker.set_current(False)
        for marker in self._markers.get(key or "", []):
            marker.set_current(True)
        self._current = key
        self.currentChanged.emit(key or "")

    def focus_next(self) -> None:
        self._step_current(1)

    def focus_previous(self) -> None:
        self._step_current(-1)

    def marker_keys(self) -> list[str]:
        """Every marker shown, in navigation order (protocol order, then extra sites)."""
        return list(self._order)

    def marker_state(self, key: str) -> str:
        return self._markers[key][0].state

    def marker_text(self, key: str) -> str:
        return self._markers[key][0].text

    def marker_tooltip(self, key: str) -> str:
        return self._markers[key][0].toolTip()

    def marker_radius(self, key: str) -> float:
        """The drawn radius in SVG units (crowded markers are a little smaller)."""
        return self._markers[key][0].radius

    def scene_pos_of(self, key: str) -> QPointF:
        return self._markers[key][0].scenePos()

    def view_pos_to_diagram(self, pos: QPoint) -> tuple[str, float, float] | None:
        """The view and SVG coordinates under a viewport point, or None between/outside views."""
        return diagram_art.view_at(self._origins, self.mapToScene(pos))

    def sizeHint(self) -> QSize:
        return QSize(560, 700)

    def minimumSizeHint(self) -> QSize:
        # The drawing scales to any size; small, so the session panel keeps its width even at 2x
        # scale on a 1400x900 screen (700x450 logical) with the patients pane open or shut.
        return QSize(MINIMUM_WIDTH, MINIMUM_HEIGHT)

    # -- layout ------------------------------------------------------------------------------

    def _update_scene_rect(self) -> None:
        rect = diagram_art.grid_rect()
        if self._read_only:
            rect.setTop(-diagram_art.BANNER_HEIGHT)
        m = diagram_art.SCENE_MARGIN
        self._scene.setSceneRect(rect.adjusted(-m, -m, m, m))

    def _fit(self) -> None:
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _scene_point(self, point: Point) -> QPointF:
        return diagram_art.scene_point(self._origins, point)

    # -- hit-testing -------------------------------------------------------------------------

    def _all_markers(self) -> list[SiteMarker]:
        return [marker for key in self._order for marker in self._markers[key]]

    def _marker_at(self, pos: QPoint) -> SiteMarker | None:
        """The marker a viewport point hits: the nearest centre within its edge plus a slop."""
        return site_marker.nearest(self._all_markers(), self.mapToScene(pos), HIT_SLOP)

    def _set_hover(self, key: str | None) -> None:
        if key == self._hover:
            return
        for marker in self._markers.get(self._hover or "", []):
            marker.set_hovered(False)
        for marker in self._markers.get(key or "", []):
            marker.set_hovered(True)
        self._hover = key

    def _update_cursor(self, pos: QPoint, marker: SiteMarker | None) -> None:
        if self._read_only:
            cursor = Qt.CursorShape.ArrowCursor
        elif marker is not None:
            cursor = Qt.CursorShape.PointingHandCursor
        elif self.view_pos_to_diagram(pos) is not None:
            cursor = Qt.CursorShape.CrossCursor
        else:
            cursor = Qt.CursorShape.ArrowCursor
        if self.viewport().cursor().shape() != cursor:
            self.viewport().setCursor(cursor)

    # -- actions -----------------------------------------------------------------------------

    def _is_protocol_site(self, key: str) -> bool:
        return self._protocol.has_site(key)

    def _activate(self, key: str) -> None:
        if self._read_only:
            self.refused.emit()
            return
        if self._is_protocol_site(key):
            self.siteActivated.emit(key)
        else:
            self.injectionActivated.emit(key)

    def _step_units(self, key: str, step: int) -> None:
        if self._read_only:
            self.refused.emit()
        elif self.marker_state(key) != site_marker.OMITTED:
            self.unitsStepRequested.emit(key, step)

    def _omit(self, key: str) -> None:
        """O: omit a protocol site (the window asks why); an added site is removed with Delete."""
        if self._read_only:
            self.refused.emit()
        elif not self._is_protocol_site(key):
            self.wrongKey.emit(remove_hint())
        elif self.marker_state(key) != site_marker.OMITTED:
            self.omitRequested.emit(key)

    def _remove(self, key: str) -> None:
        """Delete: remove an added (follow-the-pain or custom) site; a protocol site is omitted."""
        if self._read_only:
            self.refused.emit()
        elif self._is_protocol_site(key):
            self.wrongKey.emit(omit_hint())
        else:
            self.removeRequested.emit(key)

    def _restore(self, key: str) -> None:
        if not self._read_only:
            self.restoreRequested.emit(key)

    def _step_current(self, step: int) -> None:
        if not self._order:
            return
        if self._current is None:
            self.set_current(self._order[0 if step > 0 else -1])
        else:
            index = self._order.index(self._current)
            self.set_current(self._order[(index + step) % len(self._order)])

    def _menu_for(self, key: str) -> QMenu:
        """The context menu of a marker; every action goes through the read-only guards."""
        menu = QMenu(self)
        state = self.marker_state(key)
        protocol_site = self._is_protocol_site(key)
        if state == site_marker.OMITTED:
            menu.addAction(self.tr("Restore site"), lambda: self._restore(key))
            return menu
        if protocol_site:
            toggle = (
                self.tr("Mark not injected")
                if state == site_marker.INJECTED
                else self.tr("Mark injected")
            )
            space = QKeySequence(Qt.Key.Key_Space).toString(QKeySequence.SequenceFormat.NativeText)
            menu.addAction(f"{toggle}\t{space}", lambda: self._activate(key))
        menu.addAction(self.tr("Increase dose\t+"), lambda: self._step_units(key, 1))
        menu.addAction(self.tr("Decrease dose\t−"), lambda: self._step_units(key, -1))
        menu.addSeparator()
        if protocol_site:
            menu.addAction(self.tr("Omit site…\tO"), lambda: self._omit(key))
        else:
            menu.addAction(self.tr("Remove site\tDel"), lambda: self._remove(key))
        return menu

    # -- events ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        marker = self._marker_at(pos)
        if marker is not None:
            self.set_current(marker.key)
            self._activate(marker.key)
            return
        hit = self.view_pos_to_diagram(pos)
        if hit is not None and self._read_only:
            self.refused.emit()
        elif hit is not None:
            self.emptyPointClicked.emit(*hit)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the first press already acted; a double tap must not toggle back

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        marker = self._marker_at(pos)
        self._set_hover(marker.key if marker is not None else None)
        self._update_cursor(pos, marker)
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Over the marker the pointer rests on: a dose step per notch; never scrolls the view.

        Only a marker the pointer moved onto counts, so a page scrolled under a resting pointer
        cannot change a dose.
        """
        marker = self._marker_at(event.position().toPoint())
        if marker is None or marker.key != self._hover:
            event.ignore()
            return
        if self._read_only:
            event.accept()
            self.refused.emit()
            return
        event.accept()
        delta = event.angleDelta().y()
        if event.inverted():
            delta = -delta
        if marker.key != self._wheel_key:
            self._wheel_key, self._wheel_rest = marker.key, 0
        self._wheel_rest += delta
        steps = int(self._wheel_rest / WHEEL_STEP)
        self._wheel_rest -= steps * WHEEL_STEP
        if steps:
            self.set_current(marker.key)
        for _step in range(abs(steps)):
            self._step_units(marker.key, 1 if steps > 0 else -1)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()
        if self._read_only:
            self.refused.emit()
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            marker = self._marker_at(event.pos())
            if marker is None:
                return
            self.set_current(marker.key)
            key, at = marker.key, event.globalPos()
        else:
            if self._current is None:
                return
            key = self._current
            at = self.viewport().mapToGlobal(self.mapFromScene(self.scene_pos_of(key)))
        menu = self._menu_for(key)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._popup(menu, at)

    def _key_action(self, event: QKeyEvent) -> str | None:
        return key_action(event, has_current=self._current is not None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._key_action(event) is not None:
                event.accept()  # our keys beat a window shortcut on the same key while focused
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._key_action(event)
        if action is None:
            event.ignore()
            return
        event.accept()
        if action == "next":
            self.focus_next()
        elif action == "previous":
            self.focus_previous()
        elif action in ("first", "last"):
            if self._order:
                self.set_current(self._order[0 if action == "first" else -1])
        elif self._current is not None:
            if action == "activate":
                self._activate(self._current)
            elif action == "remove":
                self._remove(self._current)
            elif action == "omit":
                self._omit(self._current)
            else:
                self._step_units(self._current, int(action))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        tabbed = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        )
        if tabbed and self._current is None and self._order:
            self.set_current(self._order[0])
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            marker = self._marker_at(event.pos())
            if marker is not None:
                QToolTip.showText(event.globalPos(), marker.toolTip(), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self._set_hover(None)
        return super().viewportEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The keyboard-focus frame, in viewport pixels so it stays crisp at any scale."""
        if not self.hasFocus():
            return
        painter.save()
        painter.resetTransform()
        pen = QPen(FOCUS_FRAME, 3)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.viewport().rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.restore()

    def _tooltip(
        self,
        number: int,
        label: str,
        muscle: str,
        side: Side,
        units: Decimal,
        state: str,
        reason: str = "",
    ) -> str:
        return site_marker.tooltip_text(
            number=number,
            label=_(label),
            muscle=_(self._protocol.muscle_name(muscle)),
            side=side,
            units=units,
            volume_ml=self._chart.volume_ml(units),
            state=state,
            reason=reason,
        )


def _popup(menu: QMenu, at: QPoint) -> None:
    menu.popup(at)

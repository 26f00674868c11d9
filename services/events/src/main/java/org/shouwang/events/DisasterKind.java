package org.shouwang.events;

/** Kinds of natural disaster. */
public enum DisasterKind {
  FLOOD("洪涝"),
  GEOLOGICAL("地质灾害"),
  DROUGHT("干旱"),
  BIOLOGICAL("生物灾害"),
  METEOROLOGICAL("气象灾害"),
  EARTHQUAKE("地震"),
  OTHER("其他灾害");

  private final String chineseName;

  DisasterKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
